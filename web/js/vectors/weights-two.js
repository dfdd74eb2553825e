// "Now with 784 places": the trained network's weights for 2 against a 2 it
// reads right and against another digit: weights, image, pixel × weight, and
// the score, all from the engine (predictImage, contributionsImage).
import { makeCanvas, paintDigit, paintSigned, maxAbs, PIXELS } from '../common/paint.js';
import { digitHref } from '../mnist/dot-link.js';
import { firstOf } from '../mnist/dot-choice.js';

export const CLASS = 2;

function figure(canvas, caption) {
  const f = document.createElement('figure');
  const c = document.createElement('figcaption');
  c.textContent = caption;
  f.append(canvas, c);
  return f;
}

// One row: weights for 2 · image i = products, summed to the score.
function row(net, data, i, scale) {
  const weights = makeCanvas('vec-img', `Trained weights for ${CLASS}`);
  paintSigned(weights, net.weights(), scale.w, { offset: CLASS * PIXELS });
  const image = makeCanvas('vec-img', `Training digit ${i + 1}, labelled ${data.label(i)}`);
  paintDigit(image, data.images(i, i + 1));
  const products = net.contributionsImage(data, i, CLASS);
  const product = makeCanvas('vec-img', `Pixel times weight for ${CLASS}, digit ${i + 1}`);
  paintSigned(product, products, scale.p);
  const score = net.predictImage(data, i)[CLASS];
  const div = document.createElement('div');
  div.className = 'vec-row';
  div.dataset.index = String(i);
  const op = (t) => Object.assign(document.createElement('span'), { className: 'vec-op', textContent: t });
  const out = document.createElement('p');
  out.className = 'vec-score';
  out.innerHTML = `<span>score for ${CLASS}</span> <strong data-score="${score}">${score.toFixed(2)}</strong>
    <a href="${digitHref(i)}" data-img="${i}">see every class in Dot products</a>`;
  div.append(figure(weights, `weights for ${CLASS}`), op('·'), figure(image, `a ${data.label(i)}`), op('→'),
    figure(product, 'pixel × weight'), op('= sum'), out);
  return { div, products };
}

export function showWeightsTwo(box, net, data, other) {
  const two = Math.max(0, firstOf(net, data, CLASS, true));
  const rest = Math.max(0, firstOf(net, data, other));
  const w = maxAbs(net.weights(), CLASS * PIXELS, (CLASS + 1) * PIXELS) || 1;
  const p = Math.max(maxAbs(net.contributionsImage(data, two, CLASS)), maxAbs(net.contributionsImage(data, rest, CLASS))) || 1;
  box.replaceChildren(row(net, data, two, { w, p }).div, row(net, data, rest, { w, p }).div);
  return { two, rest };
}
