// The error over two weights as a heatmap (one engine.errorSurface call per
// update), log-scaled so the valley shows, with contour lines, the path that
// gradient descent took (weights before each step, then the final weights),
// the current step highlighted, axes and a colour legend. Plain 2-D canvas,
// sharp on high-DPI screens, redrawn (without recomputing) when resized.
// A diverging path is drawn red and labelled. With options.onDrag(x, y, end)
// the path's start (the two weights before step 1) can be dragged; the frame
// stays still while dragging.
import { tokens, rgb, sequential } from '../common/colors.js';
import { fmt, tick, niceTicks, clamp } from '../common/format.js';
import { letter, weightName } from '../common/names.js';
import { escapeHtml, changeWriter } from '../common/dom.js';
import { emptyReason, iterationOf, weightPath, isLearn } from '../common/trace.js';
import { X_LIMIT, extent, bowlMinima, chooseFrame, axisRange } from '../common/framing.js';
import { chartLook } from './chart-look.js';

const N = 80;                // grid cells per side
const PAD = { right: 12, top: 10, bottom: 42 };

// Marching squares on a ny*nx grid (row 0 at the bottom) for one level:
// segments in grid coordinates (x in [0, nx-1], y in [0, ny-1]).
function contourSegments(f, nx, ny, level, out) {
  const lerp = (a, b) => (level - a) / (b - a);
  for (let j = 0; j < ny - 1; j += 1) {
    for (let i = 0; i < nx - 1; i += 1) {
      const a = f[j * nx + i]; const b = f[j * nx + i + 1]; const c = f[(j + 1) * nx + i + 1]; const d = f[(j + 1) * nx + i];
      const la = a < level, lb = b < level, lc = c < level, ld = d < level;
      if (la === lb && lb === lc && lc === ld) continue;   // no line crosses this cell (the common case)
      if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) continue;
      const pts = [];
      if (la !== lb) pts.push([i + lerp(a, b), j]);
      if (lb !== lc) pts.push([i + 1, j + lerp(b, c)]);
      if (ld !== lc) pts.push([i + lerp(d, c), j + 1]);
      if (la !== ld) pts.push([i, j + lerp(a, d)]);
      if (pts.length >= 2) out.push(pts[0], pts[1]);
      if (pts.length === 4) out.push(pts[2], pts[3]);
    }
  }
}

// The sequential colour map in 1,024 steps (finer than a screen shows),
// so that colouring the 80x80 grid is a lookup per cell.
const LUT_SIZE = 1024;
let lut = null;
function colourAt(v) {
  if (!lut) {
    lut = new Uint8ClampedArray(LUT_SIZE * 3);
    for (let n = 0; n < LUT_SIZE; n += 1) {
      const c = sequential(n / (LUT_SIZE - 1));
      lut[n * 3] = c[0]; lut[n * 3 + 1] = c[1]; lut[n * 3 + 2] = c[2];
    }
  }
  return Math.round(Math.min(1, Math.max(0, v)) * (LUT_SIZE - 1)) * 3;
}

export function createErrorSurface(container, engine, options = {}) {
  const root = document.createElement('figure');
  root.className = 'wl-surface';
  root.innerHTML = `
    <figcaption class="wl-curve-title"></figcaption>
    <div class="wl-surface-box"><canvas role="img"></canvas></div>
    <div class="wl-legend" aria-hidden="true">
      <p class="wl-legend-title">error (colour on a log scale)</p>
      <span class="wl-legend-lo"></span><canvas width="240" height="12"></canvas><span class="wl-legend-hi"></span>
    </div>
    <p class="wl-chart-note"></p>
    <p class="wl-chart-msg" hidden></p>`;
  container.append(root);
  const box = root.querySelector('.wl-surface-box');
  const canvas = box.querySelector('canvas');
  const legend = root.querySelector('.wl-legend canvas');
  const title = root.querySelector('.wl-curve-title');
  const note = root.querySelector('.wl-chart-note');
  const msg = root.querySelector('.wl-chart-msg');
  const image = document.createElement('canvas');
  image.width = N; image.height = N;
  let view = null;   // what draw() paints: ranges, colours, path, labels
  let frame = 0;
  let lock = null;   // [xFrom, xTo, yFrom, yTo] held while dragging
  let colours = null;
  let map = null;    // the plot's pixel box, from the last draw
  let ptsX = new Float64Array(0), ptsY = new Float64Array(0);   // the path's pixels (draw)
  if (options.onDrag) draggable();

  // The plot's size in CSS pixels, from the observer (reading clientWidth in
  // draw() would make the browser lay the page out mid-script on every frame).
  let boxSize = null;
  const observer = new ResizeObserver((entries) => {
    const r = entries[entries.length - 1].contentRect;
    boxSize = { w: r.width, h: r.height };
    schedule();
  });
  observer.observe(box);
  // The colour legend never changes: drawn once.
  const lctx = legend.getContext('2d');
  for (let i = 0; i < legend.width; i += 1) {
    lctx.fillStyle = rgb(sequential(i / (legend.width - 1)));
    lctx.fillRect(i, 0, 1, legend.height);
  }
  // Text and attributes are written only when they change.
  const put = changeWriter();
  let frameHeld = null;   // the last frame, kept while a drag goes on (steady)
  let heat = null;        // the last heatmap: { key, segments, loLog, maxE, bad }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(); });
  }

  function message(text) {
    put('msg', text || '', (v) => { msg.hidden = !v; msg.textContent = v; });
  }

  // Frame the whole path if that keeps the current step readable; else the
  // path so far. The frame also takes in where each weight's own bowl
  // bottoms out (the other held), so the valley shows, not just a slope.
  function frameFor(problem, it, k, x, y, px, py) {
    const count = px.length;
    const minima = { [x]: bowlMinima(engine, problem, x), [y]: bowlMinima(engine, problem, y) };
    const bottom = (w, j) => minima[w][j];
    // …but never so far that the path shrinks to a dot: each axis reaches
    // past the path by at most 2.5 times the path's own size.
    const frameOf = (last) => {
      const xs = px.slice(0, last + 1); const ys = py.slice(0, last + 1);
      const ex = extent(xs); const ey = extent(ys);
      if (!ex || !ey) return null;
      const reach = 2.5 * Math.max(ex[1] - ex[0], ey[1] - ey[0]);
      for (let j = 0; j <= Math.min(last, it.steps - 1); j += 1) { xs.push(bottom(x, j)); ys.push(bottom(y, j)); }
      const fx = extent(xs); const fy = extent(ys);
      const limit = (f, e) => (reach > 0 ? [Math.max(f[0], e[0] - reach), Math.min(f[1], e[1] + reach)] : f);
      return [limit(fx, ex), limit(fy, ey)];
    };
    const all = frameOf(count - 1);
    const now = frameOf(Math.min(count - 1, k + 1));
    const size = (f) => (f ? Math.max(f[0][1] - f[0][0], f[1][1] - f[1][0]) : 0);
    let chosen = chooseFrame(all, now, size);
    if (!chosen) chosen = [[it.weightsBefore[x], it.weightsBefore[x]], [it.weightsBefore[y], it.weightsBefore[y]]].map((r) => (extent(r) ? r : [-1, 1]));
    const half = Math.max(size(chosen) / 2, 0.1);
    return [...axisRange(chosen[0], { margin: 0.2, minHalf: half }), ...axisRange(chosen[1], { margin: 0.2, minHalf: half })];
  }

  // The engine's grid of errors as a picture (into `image`) on a log colour
  // scale over the finite cells (exact zeros sit at the floor), and its contours.
  function heatmap(grid) {
    let maxE = 0; let minPos = Infinity; let bad = 0;
    for (const e of grid) {
      if (!Number.isFinite(e)) { bad += 1; continue; }
      maxE = Math.max(maxE, e);
      if (e > 0) minPos = Math.min(minPos, e);
    }
    const hiLog = maxE > 0 ? Math.log10(maxE) : 0;
    const loLog = Math.max(Number.isFinite(minPos) ? Math.log10(minPos) : hiLog - 1, hiLog - 5);
    const spanLog = Math.max(hiLog - loLog, 1e-9);
    const level = new Float64Array(grid.length);
    const pixels = new ImageData(N, N);
    for (let j = 0; j < N; j += 1) {
      for (let i = 0; i < N; i += 1) {
        const e = grid[j * N + i];
        const v = Number.isFinite(e) ? (Math.log10(Math.max(e, 10 ** loLog)) - loLog) / spanLog : NaN;
        level[j * N + i] = v;
        const p = ((N - 1 - j) * N + i) * 4; // row 0 of the grid is the bottom of the picture
        if (Number.isFinite(v)) {
          const c = colourAt(v);
          pixels.data[p] = lut[c]; pixels.data[p + 1] = lut[c + 1]; pixels.data[p + 2] = lut[c + 2];
        } else {
          pixels.data[p] = 205; pixels.data[p + 1] = 205; pixels.data[p + 2] = 205;
        }
        pixels.data[p + 3] = 255;
      }
    }
    image.getContext('2d').putImageData(pixels, 0, 0);

    // Contours every half decade (at most ~12 levels).
    const segments = [];
    const stepLog = spanLog > 6 ? 1 : 0.5;
    for (let L = Math.ceil(loLog / stepLog) * stepLog; L < hiLog; L += stepLog) {
      const v = (L - loLog) / spanLog;
      if (v > 0.12 && v < 0.995) contourSegments(level, N, N, v, segments);
    }
    return { segments, loLog, maxE, bad };
  }

  // `steady`: a drag is going on (here or elsewhere): the frame stays where it
  // was. `defer(fn)`: when given, the text is written through it, after every
  // chart has drawn (lesson/charts.js).
  function update({ problem, trace, iteration = 0, x = options.x ?? 0, y = options.y ?? 1, names, phase, steady = false,
    defer = (fn) => fn() } = {}) {
    const it = iterationOf(trace, iteration);
    if (!problem || !it) {
      view = null; schedule();
      message(emptyReason(trace));
      return;
    }
    const { k, nIn, nOut, nW } = it;
    if (!(Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < nW && y < nW && x !== y)) {
      view = null; schedule();
      message(`Pick two different weights between 0 and ${nW - 1}.`);
      return;
    }
    const still = Boolean(lock) || (steady && frameHeld?.x === x && frameHeld?.y === y);
    if (!still || !colours) colours = tokens(container);   // read once per drag, not per frame
    const t = colours;
    const px = weightPath(trace, x);
    const py = weightPath(trace, y);

    const [xFrom, xTo, yFrom, yTo] = lock ?? (still ? frameHeld.range : null) ?? frameFor(problem, it, k, x, y, px, py);
    frameHeld = { x, y, range: [xFrom, xTo, yFrom, yTo] };

    // The map depends on the inputs, targets, the frame and every weight but
    // x and y (held at their values before this step), not on alpha nor on x
    // and y themselves: a drag of the path's start, of x's or y's dot or of
    // alpha leaves it as it is, and it is computed again only when it changed.
    const others = Array.from(it.weightsBefore, (v, w) => (w === x || w === y ? 0 : v));
    const mapKey = [x, y, xFrom, xTo, yFrom, yTo, Array.from(problem.input), Array.from(problem.target), others].join('|');
    if (mapKey !== heat?.key) {
      try {
        heat = { key: mapKey, ...heatmap(engine.errorSurface({ ...problem, weights: Float64Array.from(it.weightsBefore) },
          { x, y, xFrom, xTo, yFrom, yTo, nx: N, ny: N })) };
      } catch (error) {
        heat = null;
        view = null; schedule();
        message(error.message);
        return;
      }
    }
    const { segments, loLog, maxE, bad } = heat;

    let off = 0, beyond = 0;
    for (let q = 0; q < px.length; q += 1) {
      if (!(Math.abs(px[q]) <= X_LIMIT && Math.abs(py[q]) <= X_LIMIT)) off += 1;
      if (px[q] < xFrom || px[q] > xTo || py[q] < yFrom || py[q] > yTo) beyond += 1;
    }
    const points = px.length;
    const xName = weightName(x, nIn, nOut, names);
    const yName = weightName(y, nIn, nOut, names);
    view = { t, xFrom, xTo, yFrom, yTo, segments, px, py, k, learn: isLearn(phase), diverged: trace.divergedAt >= 0,
      xLabel: `weight ${letter(x)} (${xName})`, yLabel: `weight ${letter(y)} (${yName})` };

    const notes = [];
    if (off || beyond) notes.push(`${off || beyond} point(s) of the path are off the chart: the weights ran away.`);
    if (bad) notes.push('Grey cells: the error there is too large to represent.');
    if (trace.overflowed) notes.push(`The run overflowed; only its ${it.steps} finite step(s) are drawn.`);
    draw();
    defer(() => {
      message(notes.join(' '));
      put('title', `Error over <b>${letter(x)}</b> ${escapeHtml(xName)} and <b>${letter(y)}</b> ${escapeHtml(yName)}`, (v) => { title.innerHTML = v; });
      put('points', String(points), (v) => { canvas.dataset.pathPoints = v; });
      put('iteration', String(k), (v) => { canvas.dataset.iteration = v; });
      put('label', `Heatmap of the error as weight ${letter(x)} goes from ${fmt(xFrom)} to ${fmt(xTo)} ` +
        `and weight ${letter(y)} from ${fmt(yFrom)} to ${fmt(yTo)}, lowest ${fmt(10 ** loLog)}, highest ${fmt(maxE)}. ` +
        `The path of ${points} points is at (${fmt(it.weightsBefore[x])}, ${fmt(it.weightsBefore[y])}) at step ${k + 1}.`,
      (v) => canvas.setAttribute('aria-label', v));
      put('note', `Every other weight is held at its value before step ${k + 1} (the current step), so the map ` +
        `changes as they learn. The line is gradient descent's path: the weights before each step and, last, the ` +
        `final weights (${points} points); the large dot is the current step. Lines join equal errors.`,
      (v) => { note.textContent = v; });
      put('lo', fmt(10 ** loLog, 3), (v) => { root.querySelector('.wl-legend-lo').textContent = v; });
      put('hi', fmt(maxE, 3), (v) => { root.querySelector('.wl-legend-hi').textContent = v; });
    });
  }

  // What draw() paints under the path and never changes while the frame,
  // the map and the size stay (a drag of the path's start, of a weight or of
  // alpha): the heatmap, its contours, the ticks and the axes' labels, kept
  // as a picture of the whole canvas and copied back at each later draw.
  // They do not overlap what is drawn over them (the heatmap and contours
  // are clipped to the plot, the labels lie outside it), so the canvas is
  // the same as when everything is drawn afresh.
  const backdrop = { key: '', heat: null, canvas: document.createElement('canvas'), box: null };
  function paintBackdrop(c, { cssW, cssH, dpr, k }) {
    const { t, xFrom, xTo, yFrom, yTo } = view;
    const font = (size, weight = '') => `${weight}${size * k}px system-ui, sans-serif`;
    const ctx = c.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    // Room for the widest y tick label and half of the last x tick label.
    ctx.font = font(11);
    const yt = niceTicks(yFrom, yTo, cssH < 330 ? 4 : 6);
    const xt = niceTicks(xFrom, xTo, cssW < 330 ? 3 : 5);
    const yLabels = yt.map((v) => tick(v, 0, yt[1] - yt[0]));
    const xLabels = xt.map((v) => tick(v, 0, xt[1] - xt[0]));
    const widest = Math.max(0, ...yLabels.map((s) => ctx.measureText(s).width));
    const L = Math.ceil(24 * k + widest + 8);
    const R = Math.max(PAD.right * k, Math.ceil(ctx.measureText(xLabels[xLabels.length - 1] ?? '').width / 2) + 2);
    const T = PAD.top * k;
    const W = Math.max(10, cssW - L - R);
    const H = Math.max(10, cssH - T - PAD.bottom * k);
    const sx = (v) => L + ((v - xFrom) / (xTo - xFrom)) * W;
    const sy = (v) => T + H - ((v - yFrom) / (yTo - yFrom)) * H;

    // Grid samples sit on the range's ends, so each pixel is centred on its sample.
    ctx.save();
    ctx.beginPath(); ctx.rect(L, T, W, H); ctx.clip();
    const cw = W / (N - 1); const ch = H / (N - 1);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(image, L - cw / 2, T - ch / 2, W + cw, H + ch);

    // Contours.
    ctx.strokeStyle = 'rgb(255 255 255 / 0.38)';
    ctx.lineWidth = k;
    ctx.beginPath();
    const gx = (g) => L + (g / (N - 1)) * W;
    const gy = (g) => T + H - (g / (N - 1)) * H;
    // Cell centres span the range: grid index 0 → from, N-1 → to.
    for (let n = 0; n < view.segments.length; n += 2) {
      const [a, b] = [view.segments[n], view.segments[n + 1]];
      ctx.moveTo(gx(a[0]), gy(a[1])); ctx.lineTo(gx(b[0]), gy(b[1]));
    }
    ctx.stroke();
    ctx.restore();

    // The ticks' labels (the ticks themselves touch the frame: drawn with it, after the path).
    ctx.fillStyle = t.muted;
    ctx.font = font(11);
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    xt.forEach((v, n) => ctx.fillText(xLabels[n], sx(v), T + H + 6 * k));
    ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    yt.forEach((v, n) => ctx.fillText(yLabels[n], L - 6 * k, sy(v)));
    ctx.fillStyle = t.ink;
    ctx.font = font(12);
    ctx.textAlign = 'center'; ctx.textBaseline = 'bottom';
    ctx.fillText(view.xLabel, L + W / 2, cssH - 2);
    ctx.save();
    ctx.translate(12 * k, T + H / 2); ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(view.yLabel, 0, 0);
    ctx.restore();
    return { L, T, W, H, xs: xt.map(sx), ys: yt.map(sy) };
  }

  function draw() {
    if (!boxSize) boxSize = { w: box.clientWidth, h: box.clientHeight };   // before the observer's first report
    const cssW = boxSize.w;
    const cssH = boxSize.h;
    const dpr = window.devicePixelRatio || 1;
    if (!(cssW > 0 && cssH > 0)) return;
    const pw = Math.round(cssW * dpr), ph = Math.round(cssH * dpr);
    if (canvas.width !== pw || canvas.height !== ph) { canvas.width = pw; canvas.height = ph; }   // a resize reallocates: only when it changed
    const ctx = canvas.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, cssW, cssH);
    if (!view) return;
    const { t, xFrom, xTo, yFrom, yTo } = view;
    const k = chartLook();   // type, lines and dots (projector mode: 1.5)
    const font = (size, weight = '') => `${weight}${size * k}px system-ui, sans-serif`;
    const key = [pw, ph, cssW, cssH, dpr, k, xFrom, xTo, yFrom, yTo, view.xLabel, view.yLabel, t.muted, t.ink].join('|');
    if (key !== backdrop.key || heat !== backdrop.heat) {
      const c = backdrop.canvas;
      if (c.width !== pw || c.height !== ph) { c.width = pw; c.height = ph; }
      backdrop.box = paintBackdrop(c, { cssW, cssH, dpr, k });
      backdrop.key = key; backdrop.heat = heat;
    }
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(backdrop.canvas, 0, 0);
    ctx.restore();
    const { L, T, W, H } = backdrop.box;
    const sx = (v) => L + ((v - xFrom) / (xTo - xFrom)) * W;
    const sy = (v) => T + H - ((v - yFrom) / (yTo - yFrom)) * H;

    ctx.save();
    ctx.beginPath(); ctx.rect(L, T, W, H); ctx.clip();
    // The path: a dark halo under a white line, a dot per point, the current
    // one large. Its pixels go into arrays kept from draw to draw (a drag
    // frame of a 1,000-step path makes no objects here).
    const { px, py } = view;
    if (ptsX.length < px.length) { ptsX = new Float64Array(px.length); ptsY = new Float64Array(px.length); }
    let m = 0;
    for (let q = 0; q < px.length; q += 1) {
      if (!(Number.isFinite(px[q]) && Number.isFinite(py[q]))) continue;
      const X = clamp(sx(px[q]), -1e4, 1e4), Y = clamp(sy(py[q]), -1e4, 1e4);
      if (!(Number.isFinite(X) && Number.isFinite(Y))) continue;
      ptsX[m] = X; ptsY[m] = Y; m += 1;
    }
    for (const [width, colour] of [[4.5, 'rgb(0 0 0 / 0.55)'], [view.diverged ? 3 : 2, view.diverged ? t.danger : '#ffffff']]) {
      ctx.lineWidth = width * k; ctx.strokeStyle = colour; ctx.lineJoin = 'round';
      ctx.beginPath();
      for (let n = 0; n < m; n += 1) (n ? ctx.lineTo(ptsX[n], ptsY[n]) : ctx.moveTo(ptsX[n], ptsY[n]));
      ctx.stroke();
    }
    ctx.fillStyle = '#ffffff';   // the styles set once, not per dot (each set parses a colour)
    ctx.strokeStyle = 'rgb(0 0 0 / 0.6)'; ctx.lineWidth = k;
    for (let n = 0; n < m; n += 1) {
      ctx.beginPath(); ctx.arc(ptsX[n], ptsY[n], 3 * k, 0, Math.PI * 2);
      if (n === m - 1) ctx.fillStyle = t.learn;
      ctx.fill(); ctx.stroke();
    }
    const cur = view.k < m ? { x: ptsX[view.k], y: ptsY[view.k] } : undefined;
    const next = view.k + 1 < m ? { x: ptsX[view.k + 1], y: ptsY[view.k + 1] } : undefined;
    if (view.learn && cur && next && Math.hypot(next.x - cur.x, next.y - cur.y) > 12 * k) {
      const ux = (next.x - cur.x) / Math.hypot(next.x - cur.x, next.y - cur.y);
      const uy = (next.y - cur.y) / Math.hypot(next.x - cur.x, next.y - cur.y);
      ctx.fillStyle = t.learn;
      ctx.beginPath();
      ctx.moveTo(next.x - ux * 4 * k, next.y - uy * 4 * k);
      ctx.lineTo(next.x - (ux * 13 + uy * 5) * k, next.y - (uy * 13 - ux * 5) * k);
      ctx.lineTo(next.x - (ux * 13 - uy * 5) * k, next.y - (uy * 13 + ux * 5) * k);
      ctx.closePath(); ctx.fill();
    }
    const inside = (p) => p && p.x >= L && p.x <= L + W && p.y >= T && p.y <= T + H;
    if (!inside(cur)) {
      ctx.font = font(13, '600 ');
      const boxW = ctx.measureText('this step is off the chart').width + 16 * k;
      ctx.fillStyle = 'rgb(255 255 255 / 0.88)';
      ctx.fillRect(L + W / 2 - boxW / 2, T + 8 * k, boxW, 22 * k);
      ctx.fillStyle = t.danger;
      ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
      ctx.fillText('this step is off the chart', L + W / 2, T + 19 * k);
    }
    if (cur) {
      ctx.beginPath(); ctx.arc(cur.x, cur.y, 7 * k, 0, Math.PI * 2);
      ctx.fillStyle = t.predict; ctx.strokeStyle = '#ffffff'; ctx.lineWidth = 2.5 * k;
      ctx.fill(); ctx.stroke();
    }
    if (view.diverged) {
      ctx.font = font(13, '700 ');
      const label = 'diverges';
      const wBox = ctx.measureText(label).width + 12 * k;
      ctx.fillStyle = 'rgb(255 255 255 / 0.9)';
      ctx.fillRect(L + W - wBox - 6, T + H - 28 * k, wBox, 22 * k);
      ctx.fillStyle = t.danger;
      ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
      ctx.fillText(label, L + W - wBox / 2 - 6, T + H - 17 * k);
    }
    ctx.restore();
    map = { L, T, W, H };

    // The frame and its ticks.
    ctx.strokeStyle = t.muted; ctx.lineWidth = k;
    ctx.strokeRect(L + k / 2, T + k / 2, W - k, H - k);
    ctx.fillStyle = t.muted;
    for (const p of backdrop.box.xs) ctx.fillRect(p, T + H, k, 4 * k);
    for (const p of backdrop.box.ys) ctx.fillRect(L - 4 * k, p, 4 * k, k);
  }

  // Dragging the path's start: pointer anywhere on the plot, or arrow keys.
  function draggable() {
    canvas.tabIndex = 0;
    canvas.classList.add('wl-draggable');
    let active = false;
    let box = null;   // the canvas's place, read once per drag (a read per move forced a layout)
    const at = (event) => {
      const { L, T, W, H } = map;
      const fx = Math.min(Math.max((event.clientX - box.left - L) / W, 0), 1);
      const fy = Math.min(Math.max((event.clientY - box.top - T) / H, 0), 1);
      return [view.xFrom + fx * (view.xTo - view.xFrom), view.yTo - fy * (view.yTo - view.yFrom)];
    };
    canvas.addEventListener('pointerdown', (event) => {
      if (event.button > 0 || !view || !map) return;
      active = true;
      box = canvas.getBoundingClientRect();
      lock = [view.xFrom, view.xTo, view.yFrom, view.yTo];
      canvas.setPointerCapture?.(event.pointerId);
      event.preventDefault();
      options.onDrag(...at(event), false);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (active && view && map) options.onDrag(...at(event), false);
    });
    const end = () => {
      if (!active) return;
      active = false;
      lock = null;
      const start = view?.px.length ? { x: view.px[0], y: view.py[0] } : null;
      if (start) options.onDrag(start.x, start.y, true);
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('keydown', (event) => {
      const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowDown: [0, -1], ArrowUp: [0, 1] }[event.key];
      const start = view?.px.length ? { x: view.px[0], y: view.py[0] } : null;
      if (!d || !start) return;
      event.preventDefault();
      options.onDrag(start.x + d[0] * (view.xTo - view.xFrom) / 50, start.y + d[1] * (view.yTo - view.yFrom) / 50, true);
    });
  }

  function destroy() {
    observer.disconnect();
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    root.remove();
  }

  return { update, destroy };
}
