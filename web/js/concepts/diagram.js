// A small network picture: the inputs on the left, one output node on the
// right, each edge labelled with its weight_delta and coloured by its sign;
// one edge can be picked out. Numbers come from the caller (the engine's trace).
import { fmt } from '../common/format.js';
import { escapeHtml } from '../common/dom.js';

const W = 320;
const ROW = 52;

// inputs: [{name, value, wd}], delta: the node's delta, focus: an input index.
export function diagramSvg({ inputs, delta, focus = -1, label }) {
  const h = ROW * inputs.length + 16;
  const oy = h / 2;
  const rows = inputs.map((inp, i) => {
    const y = 30 + i * ROW;
    const sign = inp.wd > 0 ? 'pos' : inp.wd < 0 ? 'neg' : 'zero';
    const mx = 140; const my = y + (oy - y) * 0.3;
    return `<g class="cd-row${i === focus ? ' focus' : ''}">` +
      `<line class="cd-edge ${sign}" x1="86" y1="${y}" x2="262" y2="${oy}"/>` +
      `<rect class="cd-node" x="4" y="${y - 18}" width="82" height="36" rx="8"/>` +
      `<text class="cd-name" x="45" y="${y - 3}" text-anchor="middle">${escapeHtml(inp.name)}</text>` +
      `<text class="cd-value" x="45" y="${y + 13}" text-anchor="middle">${fmt(inp.value)}</text>` +
      `<rect class="cd-tag" x="${mx - 36}" y="${my - 11}" width="72" height="20" rx="5"/>` +
      `<text class="cd-wd ${sign}" x="${mx}" y="${my + 4}" text-anchor="middle">${fmt(inp.wd, 3)}</text></g>`;
  }).join('');
  return `<svg class="cc-diagram" viewBox="0 0 ${W} ${h}" role="img" aria-label="${escapeHtml(label)}">${rows}` +
    `<circle class="cd-out" cx="282" cy="${oy}" r="22"/>` +
    `<text class="cd-value" x="282" y="${oy - 2}" text-anchor="middle">delta</text>` +
    `<text class="cd-delta" x="282" y="${oy + 13}" text-anchor="middle">${fmt(delta, 3)}</text></svg>`;
}
