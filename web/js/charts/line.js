// A dataset's line drawn by hand (the charts draw their own datasets, so a
// drag frame needs only chart.draw()): clipped to the chart area, in the
// dataset's colour, width and dash, broken where a value is missing.
export function strokeLine(chart, d) {
  const { ctx, chartArea: c, scales: { x, y } } = chart;
  ctx.save();
  ctx.beginPath(); ctx.rect(c.left, c.top, c.right - c.left, c.bottom - c.top); ctx.clip();
  ctx.strokeStyle = d.borderColor; ctx.lineWidth = d.borderWidth; ctx.setLineDash(d.borderDash ?? []);
  ctx.beginPath();
  let on = false;
  for (const p of d.data) {
    if (p.y === null || !Number.isFinite(p.y)) { on = false; continue; }
    const px = x.getPixelForValue(p.x), py = y.getPixelForValue(p.y);
    if (on) ctx.lineTo(px, py); else ctx.moveTo(px, py);
    on = true;
  }
  ctx.stroke();
  ctx.restore();
}
