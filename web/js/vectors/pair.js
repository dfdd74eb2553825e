// One pair of vectors place by place: the two rows, their elementwise
// products (engine.elementwise) and the sum (engine.dot), with the sum
// written out term by term.
import { fmt } from '../common/format.js';

const tint = (v) => (v > 0 ? 'pos' : v < 0 ? 'neg' : 'zero');
const cells = (values) => Array.from(values, (v) => `<td class="${tint(v)}">${fmt(v)}</td>`).join('');

export function showPair(engine, table, sumText, [x, y], vectors) {
  const products = engine.elementwise(vectors[x], vectors[y]);
  const sum = engine.dot(vectors[x], vectors[y]);
  table.innerHTML = `<thead><tr><th scope="col"><span class="sr-only">vector</span></th>${[0, 1, 2, 3].map((k) => `<th scope="col">[${k}]</th>`).join('')}</tr></thead>
    <tbody>
      <tr><th scope="row">${x}</th>${cells(vectors[x])}</tr>
      <tr><th scope="row">${y}</th>${cells(vectors[y])}</tr>
      <tr class="vec-products"><th scope="row">${x} × ${y}</th>${cells(products)}</tr>
    </tbody>`;
  const terms = Array.from(products, (p) => fmt(p)).join(' + ').replace(/\+ -/g, '− ');
  sumText.innerHTML = `${x} · ${y} = ${terms} = <strong data-dot="${sum}">${fmt(sum)}</strong>`;
  return { products, sum };
}
