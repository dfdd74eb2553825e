// The ten rows of "Dot products, seen": per digit, its weight row, the input
// times that row, and their sum as a number and a bar; the two colour scales
// under them.
import { makeCanvas, paintSigned, maxAbs, makeLegend, PIXELS } from '../common/paint.js';

export function createScoreRows(tbody, legends) {
  const weightLegend = makeLegend('weight');
  const productLegend = makeLegend('input × weight');
  legends.append(weightLegend.element, productLegend.element);
  const rows = [];
  for (let d = 0; d < 10; d++) {
    const tr = document.createElement('tr');
    tr.dataset.digit = String(d);
    tr.innerHTML = `<th scope="row">${d}</th><td></td><td></td><td class="dp-score"><span class="dp-value"></span><span class="dp-bar"><span></span></span></td>`;
    const weights = makeCanvas('dp-small', `Weights of digit ${d}`);
    const product = makeCanvas('dp-small', `Input times the weights of digit ${d}`);
    tr.children[1].append(weights);
    tr.children[2].append(product);
    tbody.append(tr);
    rows.push({ tr, weights, product, value: tr.querySelector('.dp-value'), bar: tr.querySelector('.dp-bar > span') });
  }

  // weights: the 10 x 784 rows; products[d]: input x row d; scores[d]: their sums.
  return function update({ weights, products, scores, best }) {
    const wScale = maxAbs(weights) || 1;
    const pScale = Math.max(...products.map((p) => maxAbs(p))) || 1;
    const top = Math.max(...scores.map(Math.abs)) || 1;
    rows.forEach((row, d) => {
      paintSigned(row.weights, weights, wScale, { offset: d * PIXELS });
      paintSigned(row.product, products[d], pScale);
      row.value.textContent = scores[d].toFixed(3);
      row.bar.style.setProperty('--w', `${(100 * Math.abs(scores[d])) / top}%`);
      row.bar.classList.toggle('neg', scores[d] < 0);
      row.tr.classList.toggle('best', d === best);
    });
    weightLegend.setScale(wScale);
    productLegend.setScale(pScale);
  };
}
