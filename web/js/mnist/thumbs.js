// The digit browser of "Dot products, seen": a page of thumbnails (one
// engine call for the page's pixels), the pager, and the selected one pressed.
// The selected digit is the state's: read through `current()`, chosen
// through `choose(index)`.
import { makeCanvas, paintDigit, PIXELS } from '../common/paint.js';
import { PAGE } from './dot-template.js';

export function createThumbs({ thumbs, rangeText, prev, next }, { current, choose }) {
  let data = null;
  let page = -1;

  function showPage(p) {
    page = p;
    const begin = p * PAGE;
    const end = Math.min(data.count, begin + PAGE);
    const pixels = data.images(begin, end);
    const labels = data.labels();
    thumbs.replaceChildren();
    for (let i = begin; i < end; i++) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'dp-thumb';
      button.dataset.index = String(i);
      button.setAttribute('aria-label', `Digit ${i + 1}, labelled ${labels[i]}`);
      const canvas = makeCanvas('dp-thumb-img');
      paintDigit(canvas, pixels, (i - begin) * PIXELS);
      const tag = document.createElement('span');
      tag.textContent = String(labels[i]);
      button.append(canvas, tag);
      thumbs.append(button);
    }
    rangeText.textContent = `Digits ${begin + 1}–${end} of ${data.count.toLocaleString('en')}`;
    prev.disabled = p === 0;
    next.disabled = end >= data.count;
  }

  // Shows digit i pressed, turning to its page first.
  function select(i) {
    const p = Math.floor(i / PAGE);
    if (p !== page) showPage(p);
    for (const b of thumbs.querySelectorAll('.dp-thumb')) {
      b.setAttribute('aria-pressed', String(Number(b.dataset.index) === i));
    }
  }

  thumbs.addEventListener('click', (event) => {
    const button = event.target.closest('.dp-thumb');
    if (button) choose(Number(button.dataset.index));
  });
  // Left and right arrows step through the digits, keeping focus on the grid.
  thumbs.addEventListener('keydown', (event) => {
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (!step || !data) return;
    event.preventDefault();
    const i = Math.min(data.count - 1, Math.max(0, current() + step));
    choose(i);
    thumbs.querySelector(`.dp-thumb[data-index="${i}"]`)?.focus();
  });
  prev.addEventListener('click', () => { if (data && page > 0) choose((page - 1) * PAGE); });
  next.addEventListener('click', () => { if (data && (page + 1) * PAGE < data.count) choose((page + 1) * PAGE); });

  return { setData(d) { data = d; page = -1; }, select };
}
