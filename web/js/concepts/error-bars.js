// The error at each step of a run as a row of bars on a log scale (an error
// that explodes stays on the picture). Numbers come from the engine's trace.
import { fmt } from '../common/format.js';

const W = 300;
const H = 90;

export function errorBarsSvg(errors, label) {
  const logs = errors.map((e) => Math.log10(Math.max(e, 1e-12)));
  const lo = Math.min(...logs, -6);
  const hi = Math.max(...logs, 1);
  const bw = W / errors.length;
  const bars = logs.map((l, i) => {
    const h = Math.max(1, ((l - lo) / (hi - lo)) * (H - 20));
    const up = i > 0 && errors[i] > errors[i - 1];
    return `<rect class="ce-bar${up ? ' up' : ''}" x="${(i * bw + 1).toFixed(1)}" y="${(H - 14 - h).toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${h.toFixed(1)}"/>`;
  }).join('');
  return `<svg class="cc-bars" viewBox="0 0 ${W} ${H}" role="img" aria-label="${label}">${bars}` +
    `<text class="cc-tick" x="0" y="${H - 2}">step 1: ${fmt(errors[0], 3)}</text>` +
    `<text class="cc-tick" x="${W}" y="${H - 2}" text-anchor="end">step ${errors.length}: ${fmt(errors[errors.length - 1], 3)}</text></svg>`;
}
