// 28x28 -> 784 and back, drawn on one canvas: the image's 28 rows slide out,
// one after another, into a single strip of 784 inputs (row r lands at inputs
// 28r..28r+27); in reverse, a strip of 784 weights folds back into its 28x28
// picture. Plays once when asked; with reduced motion it shows the end state.
import { SIDE, PIXELS } from '../common/paint.js';
import { prefersReducedMotion } from '../common/dom.js';

const SCALE = 6;                     // the square is drawn 6 canvas pixels per image pixel
const GRID = SIDE * SCALE;           // 168
const STRIP_H = 36, GAP = 26, TICK = 8;
export const WIDTH = PIXELS;         // the strip: one canvas pixel per input
export const HEIGHT = GRID + GAP + STRIP_H + TICK;
const ROW_MS = 520, STAGGER_MS = 70;
export const DURATION_MS = ROW_MS + STAGGER_MS * (SIDE - 1);

const ease = (t) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);
const lerp = (a, b, t) => a + (b - a) * t;

// canvas: WIDTH x HEIGHT; paintSource(c28) paints the 28x28 picture to move.
// direction 'flatten' (square -> strip) or 'fold' (strip -> square).
export function createFlattener(canvas, direction) {
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  canvas.dataset.stripY = String(GRID + GAP + STRIP_H / 2);   // a line through the middle of the strip
  const source = document.createElement('canvas');
  source.width = SIDE;
  source.height = SIDE;
  const ctx = canvas.getContext('2d');
  let frame = 0, ready = false;
  const square = (r) => ({ x: (WIDTH - GRID) / 2, y: r * SCALE, w: GRID, h: SCALE });
  const strip = (r) => ({ x: r * SIDE, y: GRID + GAP, w: SIDE, h: STRIP_H });

  // t in [0, 1] over the whole animation.
  function draw(t) {
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    ctx.strokeStyle = '#c9c4b8';
    ctx.strokeRect(0.5, GRID + GAP - 0.5, WIDTH - 1, STRIP_H + 1);
    ctx.strokeRect((WIDTH - GRID) / 2 - 0.5, -0.5, GRID + 1, GRID + 1);
    ctx.fillStyle = '#8a8f98';   // a tick under the strip where each row of 28 starts
    for (let r = 0; r <= SIDE; r++) ctx.fillRect(Math.min(WIDTH - 1, r * SIDE), GRID + GAP + STRIP_H + 1, 1, TICK - 1);
    const ms = t * DURATION_MS;
    for (let r = 0; r < SIDE; r++) {
      const order = direction === 'flatten' ? r : SIDE - 1 - r;
      const k = ease(Math.min(1, Math.max(0, (ms - order * STAGGER_MS) / ROW_MS)));
      const [from, to] = direction === 'flatten' ? [square(r), strip(r)] : [strip(r), square(r)];
      ctx.drawImage(source, 0, r, SIDE, 1, lerp(from.x, to.x, k), lerp(from.y, to.y, k), lerp(from.w, to.w, k), lerp(from.h, to.h, k));
    }
    canvas.dataset.t = String(t);
  }

  function stop() {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  }

  return {
    setSource(paint) {
      paint(source);
      ready = true;
      draw(Number(canvas.dataset.t ?? 0));
    },
    play() {
      if (!ready) return;
      stop();
      if (prefersReducedMotion()) { draw(1); return; }
      const t0 = performance.now();
      const tick = (now) => {
        const t = Math.min(1, (now - t0) / DURATION_MS);
        draw(t);
        frame = t < 1 ? requestAnimationFrame(tick) : 0;
      };
      frame = requestAnimationFrame(tick);
    },
    show(t) { stop(); if (ready) draw(t); },
    stop,
  };
}
