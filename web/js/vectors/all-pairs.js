// The 5x5 table of every pair's dot product (engine.dot each), each cell a
// button that picks its pair; tinted by size against the largest |score|.
import { NAMES } from './model.js';
import { fmt } from '../common/format.js';

export function showAllPairs(engine, table, vectors, [x, y]) {
  const scores = NAMES.map((r) => NAMES.map((c) => engine.dot(vectors[r], vectors[c])));
  const top = Math.max(...scores.flat().map(Math.abs)) || 1;
  table.innerHTML = `<thead><tr><th scope="col"><span class="sr-only">row · column</span></th>${NAMES.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>
    <tbody>${NAMES.map((r, i) => `<tr><th scope="row">${r}</th>${NAMES.map((c, j) => {
    const s = scores[i][j];
    const level = Math.round((4 * Math.abs(s)) / top);
    const chosen = r === x && c === y;
    return `<td><button type="button" class="vec-cell ${s < 0 ? 'neg' : 'pos'} l${level}" data-x="${r}" data-y="${c}" data-dot="${s}" aria-pressed="${chosen}" aria-label="${r} · ${c} = ${fmt(s)}">${fmt(s)}</button></td>`;
  }).join('')}</tr>`).join('')}</tbody>`;
  return scores;
}
