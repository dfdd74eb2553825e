// One weight's error curve as a small SVG: the total error as that weight
// sweeps [from, to] with the others held (engine.errorCurve), the current
// weight as a filled dot and, if given, where it steps next as a hollow dot
// with an arrow. The numbers come from the engine; this module only draws.
import { fmt } from '../common/format.js';

const W = 260;
const H = 150;
const PAD = { l: 12, r: 12, t: 14, b: 26 };
const SAMPLES = 81;
const NS = 'http://www.w3.org/2000/svg';

// The samples of weight `index`'s curve over [from, to], and at(x): the
// error with that weight at x and the others held (one output: the run's
// first error).
export function curveData(engine, problem, index, from, to) {
  const ys = engine.errorCurve(problem, { index, from, to, samples: SAMPLES });
  const at = (x) => engine.run({ ...problem, iterations: 1, weights: Array.from(problem.weights, (w, i) => (i === index ? x : w)) }).error[0];
  return { from, to, ys: Array.from(ys), at };
}

export function createCurve(host, { name }) {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'cc-curve');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Error curve of weight ${name}`);
  host.append(svg);

  // { from, to, ys, point: {x, y}, next: {x, y} | null, label }
  function update({ from, to, ys, point, next = null, label }) {
    const finite = ys.filter(Number.isFinite);
    const top = Math.max(...finite, point.y, 1e-12) || 1;
    const px = (x) => PAD.l + ((x - from) / (to - from)) * (W - PAD.l - PAD.r);
    const py = (y) => H - PAD.b - (Math.min(y, top) / top) * (H - PAD.t - PAD.b);
    const path = ys.map((y, i) => `${i ? 'L' : 'M'}${px(from + (i * (to - from)) / (ys.length - 1)).toFixed(1)},${py(y).toFixed(1)}`).join('');
    const dot = (p, cls) => `<circle class="${cls}" cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="5"/>`;
    const arrow = next && Math.abs(px(next.x) - px(point.x)) > 3
      ? `<line class="cc-step" x1="${px(point.x).toFixed(1)}" y1="${(py(point.y) - 10).toFixed(1)}" x2="${px(next.x).toFixed(1)}" y2="${(py(point.y) - 10).toFixed(1)}" marker-end="url(#cc-head)"/>` : '';
    svg.innerHTML =
      '<defs><marker id="cc-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="cc-head"/></marker></defs>' +
      `<line class="cc-axis" x1="${PAD.l}" y1="${H - PAD.b}" x2="${W - PAD.r}" y2="${H - PAD.b}"/>` +
      `<path class="cc-line" d="${path}"/>` +
      (next ? dot(next, 'cc-next') : '') + arrow + dot(point, 'cc-dot') +
      `<text class="cc-tick" x="${PAD.l}" y="${H - 8}">${fmt(from, 3)}</text>` +
      `<text class="cc-tick" x="${W - PAD.r}" y="${H - 8}" text-anchor="end">${fmt(to, 3)}</text>` +
      `<text class="cc-name" x="${W / 2}" y="${H - 8}" text-anchor="middle">weight ${name}</text>`;
    svg.setAttribute('aria-label', label);
  }

  return { update, element: svg };
}
