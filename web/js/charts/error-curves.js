// The book's a/b/c error curves: one small chart per weight, the total error
// as that one weight sweeps a range while the others stay at their values
// before the current iteration (engine.errorCurve), the current weight as a
// dot, the tangent there, and in the LEARN phase where the dot goes next.
// A frozen weight keeps its dot still while its bowl slides under it as the
// other weights learn. All numbers come from the engine; this module draws.
// With options.onDrag(w, value, end) the dot can be dragged along its curve
// (pointer: mouse, pen or touch; or the arrow keys when the chart has focus):
// the frame stays still while dragging, so the dot stays under the pointer.
import { tokens, rgba } from '../common/colors.js';
import { fmt, tick } from '../common/format.js';
import { letter, weightName } from '../common/names.js';
import { escapeHtml, changeWriter } from '../common/dom.js';
import { emptyReason, iterationOf, usableSteps, isLearn, isPredict } from '../common/trace.js';
import { extent, bowlMinima, chooseFrame, axisRange, niceBounds } from '../common/framing.js';
import { steadyLayout, quietWhileDragging, UNUSED_PLUGINS } from './steady-layout.js';
import { chartLook } from './chart-look.js';
import { backdrop } from './backdrop.js';
import { strokeLine } from './line.js';

const SAMPLES = 61;
const MAX_CHARTS = 3;
// Errors beyond this are "off the chart".
const Y_LIMIT = 1e250;

// An arrow from the dot to where it goes next (options.plugins.wlArrow: { from, to, color, scale }).
function drawArrow(chart, opts) {
  const a = opts?.from;
  const b = opts?.to;
  if (!a || !b) return;
  const { x: sx, y: sy } = chart.scales;
  const k = opts.scale ?? 1;   // projector mode: 1.5
  const x1 = sx.getPixelForValue(a.x); const y1 = sy.getPixelForValue(a.y);
  const x2 = sx.getPixelForValue(b.x); const y2 = sy.getPixelForValue(b.y);
  const len = Math.hypot(x2 - x1, y2 - y1);
  if (![x1, y1, x2, y2].every(Number.isFinite) || len < 10) return;
  const ux = (x2 - x1) / len; const uy = (y2 - y1) / len;
  const ex = x2 - ux * 7 * k; const ey = y2 - uy * 7 * k; // stop short of the hollow dot
  const { ctx, chartArea: c } = chart;
  ctx.save();
  ctx.beginPath(); ctx.rect(c.left, c.top, c.right - c.left, c.bottom - c.top); ctx.clip();
  ctx.strokeStyle = opts.color; ctx.fillStyle = opts.color; ctx.lineWidth = 2 * k;
  ctx.beginPath(); ctx.moveTo(x1 + ux * 7 * k, y1 + uy * 7 * k); ctx.lineTo(ex, ey); ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(ex, ey);
  ctx.lineTo(ex - (ux * 8 + uy * 4.5) * k, ey - (uy * 8 - ux * 4.5) * k);
  ctx.lineTo(ex - (ux * 8 - uy * 4.5) * k, ey - (uy * 8 + ux * 4.5) * k);
  ctx.closePath(); ctx.fill();
  ctx.restore();
}

// The four datasets (the curve, the tangent, where the dot goes, the dot),
// drawn here from their data rather than by Chart.js: a drag frame whose
// axes did not move then needs only chart.draw(), not chart.update(), which
// re-resolves every option of every element (most of a chart's time in a
// frame). Chart.js still keeps the elements (for the tooltip) at each update.
function drawDatasets(chart) {
  const { ctx, chartArea: c, scales: { x: sx, y: sy } } = chart;
  const ds = chart.data.datasets;
  const px = (p) => [sx.getPixelForValue(p.x), sy.getPixelForValue(p.y)];
  const margin = 10 * (chart.options.plugins.wlArrow?.scale ?? 1);
  ctx.save();
  ctx.beginPath(); ctx.rect(c.left - margin, c.top - margin, c.right - c.left + 2 * margin, c.bottom - c.top + 2 * margin); ctx.clip();
  strokeLine(chart, ds[0]);   // the curve and the tangent, broken where a value is missing
  strokeLine(chart, ds[1]);
  for (const d of [ds[3], ds[2]]) {   // where it goes (hollow), then the dot on top
    for (const p of d.data) {
      const [x, y] = px(p);
      ctx.beginPath(); ctx.arc(x, y, d.pointRadius, 0, 2 * Math.PI);
      ctx.fillStyle = d.backgroundColor; ctx.fill();
      ctx.strokeStyle = d.borderColor; ctx.lineWidth = d.borderWidth; ctx.stroke();
    }
  }
  ctx.restore();
  drawArrow(chart, chart.options.plugins.wlArrow);
}
const ownDatasets = {
  id: 'wlOwnDatasets',
  beforeDatasetsDraw(chart) {
    drawDatasets(chart);
    return false;   // Chart.js draws none of them
  },
};

// Writes a word across the plot when the dot cannot be drawn (options.plugins.wlOff).
const offPlugin = {
  id: 'wlOff',
  afterDraw(chart, _args, opts) {
    if (!opts?.text) return;
    const { ctx, chartArea: c } = chart;
    ctx.save();
    ctx.fillStyle = opts.color;
    ctx.font = `600 ${13 * (opts.scale ?? 1)}px system-ui, sans-serif`;
    ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
    ctx.fillText(opts.text, (c.left + c.right) / 2, (c.top + c.bottom) / 2);
    ctx.restore();
  },
};

// The x range of weight w's chart: the path of w (before and after) and the
// bowl's minimum over the whole trace, so the frame stays still from step to
// step (a frozen weight's bowl visibly slides), unless that would squash the
// current step (common/framing.js, chooseFrame).
function xRange(engine, problem, trace, k, w) {
  const nW = trace.nIn * trace.nOut;
  const minima = bowlMinima(engine, problem, w);
  const upto = (last) => {
    const vals = [];
    for (let j = 0; j <= last; j += 1) {
      vals.push(trace.weightsBefore[j * nW + w], trace.weightsAfter[j * nW + w], minima[j]);
    }
    return extent(vals);
  };
  const span = (r) => (r ? r[1] - r[0] : 0);
  const r = chooseFrame(upto(usableSteps(trace) - 1), upto(k), span);
  return axisRange(r || [-1, 1], { margin: 0.12 });
}

export function createErrorCurves(container, engine, options = {}) {
  const root = document.createElement('div');
  root.className = 'wl-curves-wrap';
  root.innerHTML = `
    <div class="wl-curves"></div>
    ${options.note === false ? '' : `<p class="wl-chart-note">Each curve plots the total error (up) against one weight (across), the others staying where they were
    before this step. The dot is the weight now; the dashed line is the tangent there, whose slope is the true
    derivative of the error, <span class="mono">2 × weight_delta</span>: the book's <span class="mono">weight_delta</span>
    leaves out the factor 2 of the squared error's derivative (alpha absorbs it).</p>`}
    <p class="wl-chart-msg" hidden></p>`;
  container.append(root);
  const grid = root.querySelector('.wl-curves');
  const msg = root.querySelector('.wl-chart-msg');
  let figures = [];
  let key = '';
  const locks = new Map();   // w -> [lo, hi]: the frame held still while w is dragged
  let colours = null;

  function clearFigures() {
    for (const f of figures) f.chart.destroy();
    figures = [];
    grid.replaceChildren();
  }

  // k: the scale of type, lines and dots (projector mode: 1.5, chart-look.js).
  function makeFigure(w, t, k) {
    const fig = document.createElement('figure');
    fig.className = 'wl-curve';
    fig.innerHTML = `
      <figcaption class="wl-curve-title"></figcaption>
      <div class="wl-curve-box"><canvas role="${options.onDrag ? 'slider' : 'img'}"></canvas></div>
      <p class="wl-curve-read mono"></p>`;
    grid.append(fig);
    const canvas = fig.querySelector('canvas');
    canvas.dataset.weight = String(w);
    const chart = new window.Chart(canvas, {
      type: 'scatter',
      data: {
        datasets: [
          { label: 'error', data: [], showLine: true, pointRadius: 0, pointHitRadius: 0,
            borderColor: t.compare, borderWidth: 2 * k, order: 3 },
          { label: 'tangent', data: [], showLine: true, pointRadius: 0, pointHitRadius: 0,
            borderColor: t.learn, borderDash: [6 * k, 4 * k], borderWidth: 1.75 * k, order: 2 },
          { label: 'now', data: [], pointRadius: 6 * k, pointHoverRadius: 7 * k,
            backgroundColor: t.predict, borderColor: '#fff', borderWidth: 1.5 * k, order: 0 },
          { label: 'next', data: [], pointRadius: 5 * k, pointHoverRadius: 6 * k,
            backgroundColor: '#fff', borderColor: t.learn, borderWidth: 2 * k, order: 1 },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        normalized: true,
        layout: { padding: { top: 4, right: 6 } },
        plugins: {
          ...UNUSED_PLUGINS,
          legend: false,
          tooltip: {
            filter: (item) => item.datasetIndex >= 2,
            callbacks: {
              label: (item) => `${item.dataset.label}: weight ${fmt(item.parsed.x)}, error ${fmt(item.parsed.y)}`,
            },
          },
          wlArrow: {},
          wlOff: {},
        },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'weight', color: t.muted, font: { size: 12 * k } },
            ticks: { callback: tick, sampleSize: 3, maxTicksLimit: 5, color: t.muted, maxRotation: 0, autoSkipPadding: 10, font: { size: 10.5 * k } },
            grid: { color: rgba(t.lineRgb, 0.8), lineWidth: k }, border: { width: k } },
          y: { type: 'linear', title: { display: false, text: 'error', color: t.muted, font: { size: 12 * k } },
            ticks: { callback: tick, sampleSize: 3, maxTicksLimit: 5, color: t.muted, font: { size: 10.5 * k } },
            grid: { color: rgba(t.lineRgb, 0.8), lineWidth: k }, border: { width: k } },
        },
      },
      plugins: [backdrop, ownDatasets, offPlugin, steadyLayout, quietWhileDragging],
    });
    const f = { w, fig, canvas, chart, value: NaN, frame: null, put: changeWriter(), curve: null, drawn: '',
      title: fig.querySelector('.wl-curve-title'), read: fig.querySelector('.wl-curve-read') };
    if (options.onDrag) draggable(f);
    return f;
  }

  // The dot follows the pointer's x (the weight), on the curve.
  function draggable(f) {
    const { canvas, chart, w } = f;
    canvas.tabIndex = 0;
    canvas.classList.add('wl-draggable');
    let active = false;
    let box = null;   // the canvas's place, read once per drag (a read per move forced a layout)
    const valueAt = (event) => {
      const { left, right } = chart.chartArea;
      const px = Math.min(Math.max(event.clientX - box.left, left), right);
      return chart.scales.x.getValueForPixel(px);
    };
    canvas.addEventListener('pointerdown', (event) => {
      if (event.button > 0 || !Number.isFinite(f.value)) return;
      active = true;
      box = canvas.getBoundingClientRect();
      chart.$wlDragging = true;
      chart.tooltip?.setActiveElements([], { x: 0, y: 0 });
      locks.set(w, [chart.options.scales.x.min, chart.options.scales.x.max]);
      canvas.setPointerCapture?.(event.pointerId);
      event.preventDefault();
      options.onDrag(w, valueAt(event), false);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (active) options.onDrag(w, valueAt(event), false);
    });
    const end = () => {
      if (!active) return;
      active = false;
      chart.$wlDragging = false;
      locks.delete(w);
      options.onDrag(w, f.value, true);
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('keydown', (event) => {
      const dir = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1 }[event.key];
      if (!dir || !Number.isFinite(f.value)) return;
      event.preventDefault();
      const { min, max } = chart.options.scales.x;
      options.onDrag(w, f.value + dir * (max - min) / (event.shiftKey ? 10 : 50), true);
    });
  }

  let said = null;
  function showMessage(text) {
    if (text === said) return;
    said = text;
    msg.hidden = !text;
    msg.textContent = text || '';
  }

  // `steady`: a drag is going on (on this chart or elsewhere): every chart
  // keeps the x range it had when the drag began, so only the points move.
  // `defer(fn)`: when given, the page's text is written through it, after
  // every chart of the lesson has drawn (lesson/charts.js).
  function update({ problem, trace, iteration = 0, phase, names, weights, steady = false, defer = (fn) => fn() } = {}) {
    const it = iterationOf(trace, iteration);
    if (!problem || !it) {
      clearFigures(); key = '';
      showMessage(emptyReason(trace));
      return;
    }
    const { k, nIn, nOut, nW } = it;
    const wanted = weights ?? options.weights;
    const indices = (Array.isArray(wanted) && wanted.length
      ? wanted : Array.from({ length: Math.min(nW, MAX_CHARTS) }, (_, i) => i))
      .filter((w) => Number.isInteger(w) && w >= 0 && w < nW).slice(0, 12);
    const still = steady || locks.size > 0;
    if (!still || !colours) colours = tokens(container);   // read once per drag, not per frame
    const t = colours;
    const look = chartLook();
    const nextKey = `${nIn}x${nOut}:${indices.join(',')}:${look}`;
    if (nextKey !== key) {
      clearFigures();
      figures = indices.map((w) => makeFigure(w, t, look));
      grid.dataset.count = String(figures.length);
      key = nextKey;
    }
    const learn = isLearn(phase);
    const showTangent = !isPredict(phase);
    const frozen = problem.frozen ?? [];
    const held = { ...problem, weights: Float64Array.from(it.weightsBefore) };
    const notes = [];
    const writes = [];   // the page's text, written after every chart has drawn
    figures.forEach((f) => {
      const w = f.w;
      const isFrozen = frozen[w] === 1 || frozen[w] === true;
      const name = weightName(w, nIn, nOut, names);
      const [lo, hi] = locks.get(w) ?? (still ? f.frame : null) ?? xRange(engine, problem, trace, k, w);
      f.frame = [lo, hi];
      // The curve depends on the frame, the inputs, the targets and the other
      // weights (not on w's own value nor on alpha): computed again only when
      // one of them changed (a drag of w's own dot or of alpha keeps it).
      const curveKey = [lo, hi, Array.from(problem.input), Array.from(problem.target),
        Array.from(it.weightsBefore, (v, j) => (j === w ? 0 : v))].join('|');
      if (curveKey !== f.curve?.key) {
        let curve;
        try {
          curve = engine.errorCurve(held, { index: w, from: lo, to: hi, samples: SAMPLES });
        } catch (error) {
          f.curve = null; f.drawn = '';
          f.chart.data.datasets.forEach((d) => { d.data = []; });
          f.chart.update('none');
          writes.push(() => f.put('read', error.message, (v) => { f.read.textContent = v; }));
          return;
        }
        const points = [];
        let top = 0;
        for (let s = 0; s < curve.length; s += 1) {
          const x = lo + ((hi - lo) * s) / (curve.length - 1);
          const y = curve[s];
          const ok = Number.isFinite(y) && y >= 0 && y <= Y_LIMIT;
          points.push({ x, y: ok ? y : null });
          if (ok) top = Math.max(top, y);
        }
        f.curve = { key: curveKey, points, top };
      }
      const { points } = f.curve;
      let ymax = f.curve.top;
      const wx = it.weightsBefore[w];
      const wy = it.totalError;
      const dotOn = Number.isFinite(wx) && Number.isFinite(wy) && wx >= lo && wx <= hi && wy <= Y_LIMIT;
      if (dotOn) ymax = Math.max(ymax, wy);
      ymax = ymax > 0 ? niceBounds(0, ymax * 1.04)[1] : 1;
      // Mid-drag the height stays too, unless the curve or the dot would
      // leave it: a frame with new axes is a full update (labels measured
      // again), one with the same is a redraw. The end of the drag frames it.
      if (still && f.yHeld >= ymax && f.chart.chartArea) ymax = f.yHeld;
      f.yHeld = ymax;

      // The tangent: slope 2*weight_delta (the engine's weight_delta), clipped to the frame.
      const slope = 2 * it.weightDeltas[w];
      let tangent = [];
      if (showTangent && dotOn && !isFrozen && Number.isFinite(slope)) {
        const half = (hi - lo) * 0.22;
        let t0 = -half; let t1 = half;
        if (slope !== 0) {
          const a = (0 - wy) / slope; const b = (ymax - wy) / slope;
          t0 = Math.max(t0, Math.min(a, b)); t1 = Math.min(t1, Math.max(a, b));
        }
        if (t1 > t0) tangent = [{ x: wx + t0, y: wy + slope * t0 }, { x: wx + t1, y: wy + slope * t1 }];
      }

      // Where the dot goes: the new weight, on this same curve (others still held).
      let next = [];
      const ax = it.weightsAfter[w];
      if (learn && dotOn && !isFrozen && Number.isFinite(ax) && ax !== wx && ax >= lo && ax <= hi) {
        try {
          const ay = engine.errorCurve(held, { index: w, from: ax, to: ax + (hi - lo), samples: 2 })[0];
          if (Number.isFinite(ay) && ay <= ymax) next = [{ x: ax, y: ay }];
        } catch { /* leave the arrow out */ }
      }

      // Drawn again only when something drawn changed.
      const drawn = [f.curve.key, ymax, dotOn, wx, wy, isFrozen, ...tangent.flatMap((q) => [q.x, q.y]), '|',
        ...next.flatMap((q) => [q.x, q.y]), t.predict, t.muted, t.learn, t.danger].join(',');
      if (drawn !== f.drawn) {
        f.drawn = drawn;
        const ds = f.chart.data.datasets;
        ds[0].data = points;
        ds[1].data = tangent;
        ds[2].data = dotOn ? [{ x: wx, y: wy }] : [];
        ds[2].backgroundColor = isFrozen ? t.muted : t.predict;
        ds[3].data = next;
        const opts = f.chart.options;
        opts.scales.x.min = lo; opts.scales.x.max = hi;
        opts.scales.y.min = 0; opts.scales.y.max = ymax;
        opts.scales.x.title.text = `weight ${letter(w)}`;
        opts.plugins.wlArrow = next.length ? { from: { x: wx, y: wy }, to: next[0], color: t.learn, scale: look } : {};
        opts.plugins.wlOff = dotOn ? {} : { text: 'off the chart', color: t.danger, scale: look };
        f.chart.$wlSteady = still;   // no replayed hover after a mid-drag update (steady-layout.js)
        // Mid-drag, with the axes where the last update put them, a redraw is
        // enough. (Not the chart's size: Chart.js lays a resized chart out
        // again itself, and a size read at our last update, before the page
        // settled, made the first drag frame a full update.)
        const axes = [lo, hi, ymax].join(',');
        if (still && axes === f.axes && f.chart.chartArea) f.chart.draw();
        else { f.chart.update('none'); f.axes = axes; }
      }

      const parts = [`weight ${fmt(wx)}`, `error ${fmt(wy)}`];
      if (isFrozen) parts.push('frozen: it does not move');
      else if (showTangent) parts.push(`slope 2 × (${fmt(it.weightDeltas[w])}) = ${fmt(slope)}`);
      if (learn && !isFrozen) parts.push(`→ ${fmt(ax)}`);
      if (!dotOn) {
        parts.push('off the chart');
        notes.push(letter(w));
      }
      f.value = wx;
      writes.push(() => {
        f.put('title', `<b class="wl-letter">${letter(w)}</b> <span>${escapeHtml(name)}</span>` +
          `${isFrozen ? ' <span class="wl-badge">frozen</span>' : ''}`, (v) => { f.title.innerHTML = v; });
        f.put('frozen', isFrozen, (v) => f.fig.classList.toggle('is-frozen', v));
        f.put('read', parts.join(' · '), (v) => { f.read.textContent = v; });
        const attr = (n, v) => f.put(n, v, () => f.canvas.setAttribute(n, v));
        attr('aria-label', `Error as weight ${letter(w)} (${name}) varies from ${fmt(lo)} to ${fmt(hi)}; ` +
          `now ${fmt(wx)} with error ${fmt(wy)}${dotOn ? '' : ', off the chart'}${isFrozen ? ', frozen' : ''}.`);
        attr('data-iteration', String(k));
        if (options.onDrag) {
          attr('aria-valuemin', String(lo));
          attr('aria-valuemax', String(hi));
          attr('aria-valuenow', String(wx));
          attr('aria-valuetext', `weight ${letter(w)} ${fmt(wx)}, error ${fmt(wy)}: drag the dot or use the arrow keys`);
        }
      });
    });
    const lines = [];
    if (trace.divergedAt >= 0 && k >= trace.divergedAt) {
      lines.push(`The error has grown since step ${trace.divergedAt + 1}: alpha is too large, so each step overshoots the bottom of the bowl.`);
    }
    if (notes.length) lines.push(`Weight ${notes.join(', ')} ${notes.length > 1 ? 'are' : 'is'} off the chart at this step: the numbers are too large to draw.`);
    if (trace.overflowed) lines.push(`The run overflowed after ${usableSteps(trace)} finite step(s).`);
    defer(() => {
      for (const write of writes) write();
      showMessage(lines.join(' '));
    });
  }

  function destroy() {
    clearFigures();
    root.remove();
  }

  return { update, destroy };
}
