// What "Dot products, seen" shows, read from the state: the set (train or
// test), the digit (img) and the class whose weights are inspected (cls).
// Without an img it opens on the first digit 2 the network reads right, as
// the book's example is a 2.
import { rank } from '../common/rank.js';
import { SETS } from './dot-template.js';

export const readSet = (state) => state.choice('set', SETS, 'train');

// The first image of `data` labelled `label` (that `net` reads right, if `right`), or -1.
export function firstOf(net, data, label, right = false) {
  const labels = data.labels();
  for (let i = 0; i < data.count; i++) {
    if (labels[i] === label && (!right || rank(net.predictImage(data, i))[0] === label)) return i;
  }
  return -1;
}

export const firstRightTwo = (net, data) => Math.max(0, firstOf(net, data, 2, true));

export function readDigit(state, data, fallback) {
  const i = state.number('img', NaN);
  return Number.isInteger(i) && i >= 0 && i < data.count ? i : fallback;
}

// The class to inspect: the state's cls if it is a digit, else the prediction.
export function readClass(state, best) {
  const c = state.number('cls', NaN);
  return Number.isInteger(c) && c >= 0 && c <= 9 ? c : best;
}
