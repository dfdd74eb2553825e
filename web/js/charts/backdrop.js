// A Chart.js plugin that keeps what a chart draws under its datasets (the
// axes, grid, tick labels, titles, the legend: every layer at z <= 0) as a
// picture, taken at the first draw after each update, and paints that
// picture back instead of drawing them again at each later draw without an
// update. Chart.js resolves those layers only at an update, so a draw()
// alone (a drag frame whose axes stayed) would draw them exactly the same:
// copying the pixels back gives the same canvas for a fraction of the work
// (no text set, measured or filled). List it first among a chart's plugins:
// it must take the picture before another plugin draws datasets.
export const backdrop = {
  id: 'wlBackdrop',
  afterUpdate(chart) { restore(chart); chart.$wlBackdrop = null; },
  resize(chart) { chart.$wlBackdrop = null; },
  beforeDraw(chart) {
    restore(chart);   // (a draw cancelled after this hook would have left them out)
    const b = chart.$wlBackdrop;
    const { canvas } = chart;
    if (!b || b.width !== canvas.width || b.height !== canvas.height) return;
    const { ctx } = chart;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(b, 0, 0);
    ctx.restore();
    // This draw skips the layers the picture holds (Chart.js reads _layers after this hook).
    chart.$wlLayers = chart._layers;
    chart._layers = chart._layers.filter((layer) => layer.z > 0);
  },
  beforeDatasetsDraw(chart) {
    if (chart.$wlLayers || chart.$wlBackdrop) return;
    const { canvas } = chart;
    if (!(canvas.width > 0 && canvas.height > 0)) return;
    const b = chart.$wlBackdropCanvas ??= document.createElement('canvas');   // one per chart, reused
    if (b.width !== canvas.width || b.height !== canvas.height) { b.width = canvas.width; b.height = canvas.height; }
    const bctx = b.getContext('2d');
    bctx.globalCompositeOperation = 'copy';
    bctx.drawImage(canvas, 0, 0);
    chart.$wlBackdrop = b;
  },
  afterDraw: restore,
};

function restore(chart) {
  if (chart.$wlLayers) { chart._layers = chart.$wlLayers; chart.$wlLayers = null; }
}
