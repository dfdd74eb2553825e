// A pen on paper, in plain JS: strokes (lists of [x, y] canvas points) drawn
// with round caps and joins, `pen` pixels wide, dark ink on white, as RGBA
// bytes for DigitReader.read. Anti-aliased by coverage (r + 0.5 - distance),
// close to what a canvas's stroke() gives; no browser needed.
export function drawStrokes(strokes, { side = 280, pen = 18 } = {}) {
  const cover = new Float32Array(side * side);
  const r = pen / 2;
  const stamp = (cx, cy) => {
    const x0 = Math.max(0, Math.floor(cx - r - 1)), x1 = Math.min(side - 1, Math.ceil(cx + r + 1));
    const y0 = Math.max(0, Math.floor(cy - r - 1)), y1 = Math.min(side - 1, Math.ceil(cy + r + 1));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const c = Math.min(1, Math.max(0, r + 0.5 - Math.hypot(x + 0.5 - cx, y + 0.5 - cy)));
        if (c > cover[y * side + x]) cover[y * side + x] = c;
      }
    }
  };
  for (const s of strokes) {
    stamp(...s[0]);
    for (let i = 1; i < s.length; i++) {
      const [ax, ay] = s[i - 1];
      const [bx, by] = s[i];
      const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / 0.5));
      for (let k = 1; k <= n; k++) stamp(ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n);
    }
  }
  const rgba = new Uint8Array(side * side * 4);
  for (let i = 0; i < side * side; i++) {
    const v = Math.round(255 * (1 - cover[i]));
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = v;
    rgba[4 * i + 3] = 255;
  }
  return rgba;
}
