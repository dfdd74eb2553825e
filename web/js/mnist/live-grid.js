// The live grid: the first 100 test digits, each marked right or wrong by
// the network the page is training (net.predictImage per digit, at most a
// few times a second), each a link to that digit in "Dot products, seen".
import { makeCanvas, paintDigit, PIXELS } from '../common/paint.js';
import { rank } from '../common/rank.js';
import { digitHref } from './dot-link.js';
import { GRID_COUNT } from './deeper-template.js';

const EVERY_MS = 150;

export function createLiveGrid(box, countText) {
  let data = null, net = null, last = -Infinity, timer = 0;
  const cells = [];

  function build() {
    const n = Math.min(GRID_COUNT, data.count);
    const pixels = data.images(0, n);
    const labels = data.labels();
    for (let i = 0; i < n; i++) {
      const link = document.createElement('a');
      link.className = 'deep-cell';
      link.href = digitHref(i, 'test');
      link.dataset.img = String(i);
      link.dataset.set = 'test';
      const canvas = makeCanvas('deep-cell-img');
      paintDigit(canvas, pixels, i * PIXELS);
      const mark = document.createElement('span');
      mark.className = 'deep-mark';
      mark.setAttribute('aria-hidden', 'true');
      link.append(canvas, mark);
      box.append(link);
      cells.push({ link, mark, label: labels[i] });
    }
  }

  function update() {
    timer = 0;
    last = performance.now();
    if (!data || !net) return;
    let right = 0;
    cells.forEach((cell, i) => {
      const guess = rank(net.predictImage(data, i))[0];
      const ok = guess === cell.label;
      right += ok;
      cell.link.classList.toggle('wrong', !ok);
      cell.link.dataset.guess = String(guess);
      cell.link.dataset.right = String(ok);
      cell.mark.textContent = ok ? '✓' : `✗${guess}`;
      cell.link.setAttribute('aria-label', `Test digit ${i + 1}, a ${cell.label}: read as ${guess}, ${ok ? 'right' : 'wrong'}. Open in Dot products.`);
    });
    countText.textContent = `${right} of these ${cells.length} read right now.`;
    box.dataset.right = String(right);
    box.dataset.version = String(Number(box.dataset.version || 0) + 1);
  }

  // Called whenever the network's weights may have changed; redraws soon.
  function changed(n) {
    net = n;
    if (timer) return;
    const wait = Math.max(0, last + EVERY_MS - performance.now());
    timer = setTimeout(update, wait);
  }

  return {
    setData(d) { data = d; build(); if (net) changed(net); },
    changed,
    destroy() { clearTimeout(timer); net = null; },
  };
}
