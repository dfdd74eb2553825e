// The training chart: summed error (left axis) and train / test accuracy in %
// (right axis), one point per epoch. The only MNIST module that uses Chart.js.
import { chartsMissing, loadChartJs, CHARTS_MISSING } from '../vendor.js';
import { tokens } from '../common/colors.js';

export function createProgressChart(canvas) {
  const Chart = window.Chart;
  if (chartsMissing()) throw new Error(`${CHARTS_MISSING}: training still works, without the chart.`);
  const t = tokens();
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: [],
      datasets: [
        { label: 'error (sum over the epoch)', data: [], yAxisID: 'error', borderColor: t.compare, backgroundColor: t.compare, tension: 0.2 },
        { label: 'train accuracy %', data: [], yAxisID: 'acc', borderColor: t.learn, backgroundColor: t.learn, tension: 0.2 },
        { label: 'test accuracy %', data: [], yAxisID: 'acc', borderColor: t.predict, backgroundColor: t.predict, borderDash: [6, 4], tension: 0.2 },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { legend: { labels: { usePointStyle: true, pointStyle: 'line', boxWidth: 24 } } },
      scales: {
        x: { title: { display: true, text: 'epoch' } },
        error: { position: 'left', beginAtZero: true, title: { display: true, text: 'error' } },
        acc: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: 'accuracy %' } },
      },
    },
  });
  return {
    add(epoch, error, trainAcc, testAcc) {
      chart.data.labels.push(String(epoch));
      chart.data.datasets[0].data.push(error);
      chart.data.datasets[1].data.push(100 * trainAcc);
      chart.data.datasets[2].data.push(testAcc == null ? null : 100 * testAcc);
      chart.update('none');
    },
    clear() {
      chart.data.labels = [];
      for (const d of chart.data.datasets) d.data = [];
      chart.update('none');
    },
    points() {
      return chart.data.labels.length;
    },
    destroy() {
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
  let points = [];
  loadChartJs().then(() => {
    if (gone) return;
    try {
      chart = createProgressChart(canvas);
    } catch (error) {
      points = null;
      onMissing(error);
      return;
    }
    for (const p of points) chart.add(...p);
    points = null;
  });
  return {
    add(...p) { if (chart) chart.add(...p); else points?.push(p); },
    clear() { if (chart) chart.clear(); else if (points) points = []; },
    points: () => (chart ? chart.points() : points?.length ?? 0),
    destroy() { gone = true; chart?.destroy(); },
  };
}
