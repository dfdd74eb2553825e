// Motion that explains, and only that: short tweens (at most MAX_MS) that show
// what a phase moved, none at all when the reader asked for reduced motion
// (then the final state is drawn at once). Shared by the diagram and charts.
import { prefersReducedMotion } from './dom.js';

export const MAX_MS = 400;

// May the page animate? False under `prefers-reduced-motion: reduce`.
export function motionAllowed() {
  return !prefersReducedMotion();
}

const ease = (t) => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);   // ease-in-out

// Calls frame(t) with t rising from 0 to 1 over `ms` (capped at MAX_MS),
// eased, one call per animation frame, and always a last call with t = 1
// (the exact end state). Without motion, that last call is the only one,
// made now. Returns cancel(): stops, without the last call.
export function tween(frame, { ms = MAX_MS, done = () => {} } = {}) {
  if (!motionAllowed() || typeof requestAnimationFrame !== 'function') {
    frame(1); done();
    return () => {};
  }
  const length = Math.min(ms, MAX_MS);
  let start = 0, id = 0;
  const step = (now) => {
    if (!start) start = now;
    const t = Math.min(1, (now - start) / length);
    frame(t < 1 ? ease(t) : 1);
    if (t < 1) id = requestAnimationFrame(step);
    else { id = 0; done(); }
  };
  frame(0);
  id = requestAnimationFrame(step);
  return () => { if (id) cancelAnimationFrame(id); id = 0; };
}

// The number between a and b at t (0..1).
export const lerp = (a, b, t) => a + (b - a) * t;

// Scrolls `el` into view if any of its first `lines` pixels are outside the
// window (smoothly when motion is allowed); leaves the page alone otherwise.
export function bringIntoView(el, { lines = 160 } = {}) {
  if (!el) return;
  const box = el.getBoundingClientRect();
  const bar = document.querySelector('.top');
  const top = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
  if (box.top >= top && box.top + Math.min(lines, box.height) <= innerHeight) return;
  scrollBy({ top: box.top - top - 8, behavior: motionAllowed() ? 'smooth' : 'auto' });
}
