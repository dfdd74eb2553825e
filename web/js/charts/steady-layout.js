// A Chart.js plugin that skips the layout pass (tick generation, measuring
// every tick label, fitting the boxes) when nothing that decides the layout
// changed since the last one: the canvas size, the padding, every axis's
// options (type, min, max, titles, tick font…) and the legend's labels.
// Only charts whose every axis has a fixed min and max qualify (a range
// read from the data is left to Chart.js). During a drag the charts keep
// their frames still, so each frame then only moves the points and draws.
// Measuring labels sets the canvas font and calls measureText, which makes
// the browser lay the page out again mid-script: skipping it is most of the
// gain.
const fnName = (_k, v) => (typeof v === 'function' ? `fn:${v.name}` : v);

function layoutKey(chart) {
  const scales = chart.config.options?.scales ?? {};
  for (const s of Object.values(scales)) {
    if (!Number.isFinite(s?.min) || !Number.isFinite(s?.max)) return null;
  }
  const legend = chart.config.options?.plugins?.legend;
  return JSON.stringify([chart.width, chart.height, chart.currentDevicePixelRatio, chart._minPadding,
    chart.config.options?.layout, scales, legend,
    legend?.display ? chart.data.datasets.map((d) => d.label) : 0], fnName);
}

export const steadyLayout = {
  id: 'wlSteadyLayout',
  beforeLayout(chart) {
    const key = layoutKey(chart);
    if (key !== null && key === chart.$wlLayoutKey && chart.chartArea) return false;
    chart.$wlLayoutKey = key;
    return undefined;
  },
  resize(chart) { chart.$wlLayoutKey = null; },
};

// While the pointer drags a chart's dot, Chart.js need not work out hovers
// and tooltips for every move (each one measures text and redraws): set
// chart.$wlDragging and its events are ignored until the drag ends. Set
// chart.$wlSteady (a drag elsewhere on the page) and the last pointer event
// is not replayed after each update (Chart.js replays it to move the hover).
export const quietWhileDragging = {
  id: 'wlQuietWhileDragging',
  beforeEvent(chart, args) { return chart.$wlDragging || (args.replay && chart.$wlSteady) ? false : undefined; },
};

// Chart.js's built-in plugins a chart here never uses: each one left on is
// asked about every hook of every update. Spread into options.plugins.
export const UNUSED_PLUGINS = { title: false, subtitle: false, decimation: false, filler: false, colors: false };
