// The training chart: the learning curve every few dozen images (trainer.js
// EVERY): the mean error per image over those images (left axis) and their
// accuracy in % (right axis), and the test accuracy at the end of each epoch,
// against the training images seen. A run that diverges keeps its curve up
// to the blow-up, marked there. The only MNIST module that uses Chart.js.
import { chartsMissing, loadChartJs, CHARTS_MISSING } from '../vendor.js';
import { tokens } from '../common/colors.js';
import { tick } from '../common/format.js';

// The vertical "diverged" line (options.plugins.wlBlowUp = { x, color }).
const blowUpPlugin = {
  id: 'wlBlowUp',
  afterDatasetsDraw(chart, _args, opts) {
    if (!Number.isFinite(opts?.x)) return;
    const { ctx, chartArea: c, scales: { x } } = chart;
    const px = Math.min(Math.max(x.getPixelForValue(opts.x), c.left), c.right);
    ctx.save();
    ctx.strokeStyle = opts.color; ctx.fillStyle = opts.color; ctx.lineWidth = 2; ctx.setLineDash([5, 3]);
    ctx.beginPath(); ctx.moveTo(px, c.top); ctx.lineTo(px, c.bottom); ctx.stroke();
    ctx.font = '600 12px system-ui, sans-serif'; ctx.textAlign = px > (c.left + c.right) / 2 ? 'right' : 'left';
    ctx.fillText('diverged', px + (ctx.textAlign === 'right' ? -4 : 4), c.top + 12);
    ctx.restore();
  },
};

export function createProgressChart(canvas) {
  const Chart = window.Chart;
  if (chartsMissing()) throw new Error(`${CHARTS_MISSING}: training still works, without the chart.`);
  const t = tokens();
  const line = (label, axis, colour, extra = {}) => ({ label, data: [], yAxisID: axis, showLine: true, pointRadius: 0,
    borderColor: colour, backgroundColor: colour, borderWidth: 2, ...extra });
  const chart = new Chart(canvas, {
    type: 'scatter',
    data: {
      datasets: [
        line('error (mean per image)', 'error', t.compare),
        line('train accuracy %', 'acc', t.learn, { borderWidth: 1.5 }),
        line('test accuracy % (end of epoch)', 'acc', t.predict, { borderDash: [6, 4], pointRadius: 4 }),
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      plugins: { legend: { labels: { usePointStyle: true, pointStyle: 'line', boxWidth: 24 } }, wlBlowUp: {} },
      scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: 'training images seen' }, ticks: { callback: tick, maxRotation: 0 } },
        error: { position: 'left', beginAtZero: true, title: { display: true, text: 'error' } },
        acc: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: 'accuracy %' } },
      },
    },
    plugins: [blowUpPlugin],
  });
  let pending = 0;
  const redraw = () => { if (!pending) pending = requestAnimationFrame(() => { pending = 0; chart.update('none'); }); };
  return {
    // Every few dozen images: the mean error and accuracy over them.
    point(seen, error, acc) {
      chart.data.datasets[0].data.push({ x: seen, y: error });
      chart.data.datasets[1].data.push({ x: seen, y: 100 * acc });
      redraw();
    },
    // The end of an epoch: its test accuracy.
    add(seen, testAcc) {
      if (testAcc != null) chart.data.datasets[2].data.push({ x: seen, y: 100 * testAcc });
      redraw();
    },
    diverged(seen) {
      chart.options.plugins.wlBlowUp = { x: seen, color: t.danger };
      redraw();
    },
    clear() {
      for (const d of chart.data.datasets) d.data = [];
      chart.options.plugins.wlBlowUp = {};
      chart.update('none');
    },
    points() {
      return chart.data.datasets[0].data.length;
    },
    destroy() {
      if (pending) cancelAnimationFrame(pending);
      chart.destroy();
    },
  };
}

// The chart, once Chart.js has loaded (vendor.js, on demand): until then its
// points are kept and drawn when it is made. If Chart.js cannot load,
// onMissing(error) is called and the points are dropped.
export function createProgressChartLater(canvas, onMissing) {
  let chart = null;
  let gone = false;
  let calls = [];   // [method, args] made before the chart exists, replayed in order
  loadChartJs().then(() => {
    if (gone) return;
    try {
      chart = createProgressChart(canvas);
    } catch (error) {
      calls = null;
      onMissing(error);
      return;
    }
    for (const [method, args] of calls) chart[method](...args);
    calls = null;
  });
  const later = (method) => (...args) => { if (chart) chart[method](...args); else calls?.push([method, args]); };
  return {
    point: later('point'),
    add: later('add'),
    diverged: later('diverged'),
    clear() { if (chart) chart.clear(); else if (calls) calls = []; },
    points: () => (chart ? chart.points() : (calls ?? []).filter(([m]) => m === 'point').length),
    destroy() { gone = true; chart?.destroy(); },
  };
}
