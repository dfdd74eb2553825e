// The learning curve: the total error (and each output's, when there are
// several) against the iteration, read from the one trace engine.run gave
// (never one engine call per iteration); a log y scale when the errors span
// more than two decades; the current iteration marked. Dragging or tapping on
// it, or the arrow keys when it has focus, picks the iteration (onIteration).
import { tokens, rgba } from '../common/colors.js';
import { fmt, tick } from '../common/format.js';
import { changeWriter } from '../common/dom.js';
import { usableSteps } from '../common/trace.js';
import { niceBounds } from '../common/framing.js';
import { steadyLayout, UNUSED_PLUGINS } from './steady-layout.js';
import { chartLook } from './chart-look.js';
import { backdrop } from './backdrop.js';
import { strokeLine } from './line.js';

const DASHES = [[], [6, 3], [2, 3], [8, 3, 2, 3]];
const LOG_SPAN = 100;   // max/min beyond this: log scale
// On a log axis only the powers of ten are labelled.
const decade = (v) => (Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 ? fmt(v) : '');

// The lines, drawn here from their data rather than by Chart.js (a drag
// frame whose axes did not move then needs only chart.draw(), not
// chart.update(), which re-resolves every option of every point), then the
// vertical line at the current iteration and, on each line, its point there
// (options.plugins.wlNow: { x, color, scale, points: [{ y, color }] }).
const nowPlugin = {
  id: 'wlNow',
  beforeDatasetsDraw(chart, _args, opts) {
    const { ctx, chartArea: c, scales: { x, y } } = chart;
    const k = opts?.scale ?? 1;
    ctx.save();
    ctx.beginPath(); ctx.rect(c.left - 4 * k, c.top - 4 * k, c.right - c.left + 8 * k, c.bottom - c.top + 8 * k); ctx.clip();
    for (const d of chart.data.datasets) {
      strokeLine(chart, d);
      if (d.pointRadius > 0) {
        ctx.fillStyle = d.backgroundColor;
        for (const p of d.data) {
          if (p.y === null || !Number.isFinite(p.y)) continue;
          ctx.beginPath(); ctx.arc(x.getPixelForValue(p.x), y.getPixelForValue(p.y), d.pointRadius, 0, 2 * Math.PI); ctx.fill();
        }
      }
    }
    ctx.restore();
    if (!Number.isFinite(opts?.x)) return false;
    const px = x.getPixelForValue(opts.x);
    if (!(px >= c.left - 1 && px <= c.right + 1)) return false;
    ctx.save();
    ctx.strokeStyle = opts.color; ctx.lineWidth = 2 * k;
    ctx.beginPath(); ctx.moveTo(px, c.top); ctx.lineTo(px, c.bottom); ctx.stroke();
    for (const p of opts.points ?? []) {
      const py = y.getPixelForValue(p.y);
      if (!(p.y !== null && py >= c.top - 1 && py <= c.bottom + 1)) continue;
      ctx.fillStyle = p.color;
      ctx.beginPath(); ctx.arc(px, py, 5 * k, 0, 2 * Math.PI); ctx.fill();
    }
    ctx.restore();
    return false;   // Chart.js draws none of the lines
  },
};

export function createLearningCurve(container, { onIteration } = {}) {
  const root = document.createElement('figure');
  root.className = 'wl-learning';
  root.innerHTML = `
    <figcaption class="wl-curve-title">Error against iteration</figcaption>
    <div class="wl-learning-box"><canvas role="slider" tabindex="0" aria-valuemin="1"></canvas></div>
    <p class="wl-learning-read mono"></p>`;
  container.append(root);
  const canvas = root.querySelector('canvas');
  const read = root.querySelector('.wl-learning-read');
  const t = tokens(container);
  const chart = new window.Chart(canvas, {
    type: 'scatter',
    data: { datasets: [] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, normalized: true,
      parsing: false,
      events: [],   // the pointer is ours (drag picks the iteration)
      layout: { padding: { top: 4, right: 8 } },
      plugins: { ...UNUSED_PLUGINS, legend: { display: true, labels: { boxWidth: 18, boxHeight: 2, color: t.muted, font: { size: 11 } } },
        tooltip: { enabled: false }, wlNow: {} },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'iteration', color: t.muted, font: {} },
          ticks: { callback: tick, sampleSize: 3, maxTicksLimit: 6, color: t.muted, maxRotation: 0, font: {} },
          grid: { color: rgba(t.lineRgb, 0.8) }, border: {} },
        y: { type: 'linear', title: { display: true, text: 'error', color: t.muted, font: {} },
          ticks: { callback: tick, sampleSize: 3, maxTicksLimit: 5, color: t.muted, font: {} },
          grid: { color: rgba(t.lineRgb, 0.8) }, border: {} },
      },
    },
    plugins: [backdrop, nowPlugin, steadyLayout],
  });
  let traces = [];
  let steps = 0;
  let current = 0;
  let look = 0;   // the scale of type and lines (projector mode: 1.5, chart-look.js)
  let shape = { points: '0', scale: 'linear' };
  let lineForm = '';   // the shape of the lines last built (see update)

  // series: [{ trace, label, outputNames }], one per network; iteration:
  // 0-based; defer(fn): when given, the text is written through it, after
  // every chart has drawn (lesson/charts.js).
  const put = changeWriter();
  let drawnAxes = '';
  function update({ series, iteration = 0, defer = (fn) => fn(), steady = false }) {
    const k = chartLook();
    if (k !== look) {
      look = k;
      traces = [];   // the lines are drawn again, at the new width
      const o = chart.options;
      o.plugins.legend.labels.font = { size: 11 * k };
      o.plugins.legend.labels.boxWidth = 18 * k;
      o.plugins.legend.labels.boxHeight = 2 * k;
      for (const axis of [o.scales.x, o.scales.y]) {
        axis.title.font = { size: 12 * k };
        axis.ticks.font = { size: 10.5 * k };
        axis.grid.lineWidth = k;
        axis.border.width = k;
      }
    }
    const same = series.length === traces.length && series.every((s, n) => s.trace === traces[n]);
    if (!same) {
      traces = series.map((s) => s.trace);
      // The lines' shape: their number, names and lengths. While it stays
      // (a drag changes only the errors), the datasets and their points are
      // kept and only each point's y is written: no objects made per frame.
      const form = `${k}|${series.map(({ trace, label, outputNames }) =>
        `${usableSteps(trace)}:${trace.nOut}:${label}:${trace.nOut > 1 ? outputNames.join(',') : ''}`).join('|')}`;
      const keep = form === lineForm;
      lineForm = form;
      const datasets = keep ? chart.data.datasets : [];
      let lo = Infinity, hi = 0;
      steps = 0;
      let at = 0;
      const colours = [t.predict, t.compare, t.learn, t.pos, t.neg, t.danger];
      series.forEach(({ trace, label, outputNames }, n) => {
        const m = usableSteps(trace);
        steps = Math.max(steps, m);
        const lines = trace.nOut > 1 ? trace.nOut + 1 : 1;
        for (let j = 0; j < lines; j += 1) {
          const pick = j === 0 ? null : j - 1;
          let data;
          if (keep) data = datasets[at].data;
          else {
            data = new Array(m);
            for (let q = 0; q < m; q += 1) data[q] = { x: q + 1, y: 0 };
            const name = pick === null ? (label ? `${label}: total` : 'total') : `${label ? `${label}: ` : ''}${outputNames[pick]}`;
            const colour = colours[(n * 4 + j) % colours.length];
            datasets.push({ label: name, data, showLine: true, pointRadius: m > 60 ? 0 : 2 * k, pointHoverRadius: 0, borderWidth: (pick === null ? 2.5 : 1.5) * k,
              borderColor: colour, backgroundColor: colour, borderDash: DASHES[pick === null ? 0 : (pick % 3) + 1].map((d) => d * k) });
          }
          at += 1;
          for (let q = 0; q < m; q += 1) {
            let e = 0;
            if (pick === null) for (let o = 0; o < trace.nOut; o += 1) e += trace.error[q * trace.nOut + o];
            else e = trace.error[q * trace.nOut + pick];
            data[q].y = e;
            if (Number.isFinite(e)) { hi = Math.max(hi, e); if (e > 0) lo = Math.min(lo, e); }
          }
        }
      });
      const log = hi > 0 && lo < Infinity && hi / lo > LOG_SPAN;
      if (log) for (const d of datasets) for (const p of d.data) if (!(p.y > 0)) p.y = null;
      // A fixed range (round numbers, or whole decades), so that a drag that
      // leaves it where it was does not lay the chart out again.
      const s = chart.options.scales;
      const range = log ? [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))] : niceBounds(0, hi > 0 ? hi : 1);
      if (!(range[1] > range[0])) range[1] = range[0] * 10;
      // Mid-drag the range stays while the lines fit in it (a new range is a
      // full update, its labels measured again); the end of the drag frames it.
      const fits = steady && s.y.type === (log ? 'logarithmic' : 'linear') && chart.chartArea &&
        s.y.min <= range[0] && s.y.max >= range[1] && (log || s.y.min === range[0]);
      s.y.type = log ? 'logarithmic' : 'linear';
      if (!fits) { s.y.min = range[0]; s.y.max = range[1]; }
      s.y.title.text = log ? 'error (log scale)' : 'error';
      s.y.ticks.callback = log ? decade : tick;
      s.x.min = 1; s.x.max = Math.max(steps, 2);
      chart.data.datasets = datasets;
      chart.options.plugins.legend.display = datasets.length > 1;
      shape = { points: String(datasets[0]?.data.length ?? 0), scale: log ? 'log' : 'linear' };
    }
    current = Math.min(Math.max(0, iteration), Math.max(steps - 1, 0));
    chart.options.plugins.wlNow = steps ? { x: current + 1, color: t.learn, scale: k,
      points: chart.data.datasets.map((d) => ({ y: d.data[current]?.y ?? null, color: d.borderColor })) } : {};
    // Mid-drag, with the axes and the legend where the last update put them, a redraw is enough.
    const axes = JSON.stringify([chart.options.scales.x.min, chart.options.scales.x.max, chart.options.scales.y.type,
      chart.options.scales.y.min, chart.options.scales.y.max, chart.data.datasets.map((d) => d.label)]);   // (not the size: error-curves.js)
    if (steady && axes === drawnAxes && chart.chartArea) chart.draw();
    else { chart.update('none'); drawnAxes = axes; }
    const first = series[series.length - 1]?.trace;
    let total = 0;
    if (first && current < usableSteps(first)) for (let o = 0; o < first.nOut; o += 1) total += first.error[current * first.nOut + o];
    const text = steps ? `iteration ${current + 1} of ${steps} · error ${fmt(total)}` : 'no steps';
    const at = current;
    defer(() => {
      put('read', text, (v) => { read.textContent = v; });
      const attr = (n, v) => put(n, v, () => canvas.setAttribute(n, v));
      attr('aria-valuemax', String(Math.max(steps, 1)));
      attr('aria-valuenow', String(at + 1));
      attr('aria-valuetext', text);
      attr('aria-label', `Learning curve: the error at each of ${steps} iterations; ` +
        'drag, tap or use the arrow keys to pick an iteration');
      attr('data-iteration', String(at));
      attr('data-points', shape.points);
      attr('data-scale', shape.scale);
    });
  }

  // Picking the iteration by pointer: the nearest iteration to the pointer's x.
  let dragging = false;
  const pick = (event) => {
    if (!steps) return;
    const box = canvas.getBoundingClientRect();
    const v = chart.scales.x.getValueForPixel(event.clientX - box.left);
    const k = Math.min(Math.max(Math.round(v) - 1, 0), steps - 1);
    if (k !== current) onIteration?.(k);
  };
  const down = (event) => { dragging = true; canvas.setPointerCapture?.(event.pointerId); pick(event); };
  const move = (event) => { if (dragging) pick(event); };
  const up = () => { dragging = false; };
  const key = (event) => {
    const to = { ArrowLeft: current - 1, ArrowDown: current - 1, ArrowRight: current + 1, ArrowUp: current + 1,
      Home: 0, End: steps - 1, PageDown: current - 10, PageUp: current + 10 }[event.key];
    if (to === undefined || !steps) return;
    event.preventDefault();
    onIteration?.(Math.min(Math.max(to, 0), steps - 1));
  };
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);
  canvas.addEventListener('keydown', key);

  function destroy() {
    chart.destroy();
    root.remove();
  }
  return { update, destroy };
}
