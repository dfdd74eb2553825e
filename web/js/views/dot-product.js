// "Dot products, seen": pick one of the book's first 1,000 digits and see the
// trained network score it. For each digit d the score is the dot product of
// the input with weight row d: multiply pixel by weight (the middle image),
// then add everything up. The biggest sum is the prediction.
import { showError, clearStatus } from '../status.js';
import { loadDataset, loadModelInto } from '../mnist/data.js';
import { TRAIN_URL, LINEAR_MODEL_URL as MODEL_URL } from '../common/fetch.js';
import { rank } from '../common/rank.js';
import { makeCanvas, paintDigit, paintSigned, maxAbs, makeLegend, PIXELS } from '../common/paint.js';

const PAGE = 100;  // thumbnails per page

export function mount(root, { engine, state }) {
  root.innerHTML = `
    <article class="dp">
      <header>
        <h1>Dot products, seen</h1>
        <p>A dot product multiplies two lists element by element and adds the results. Where both lists are large in the
        same places, the sum is large; where one is zero, that place adds nothing. Each score of the digit network is such
        a sum: the digit's 784 pixels times one row of weights. Pick a digit below to see the trained network's ten rows,
        the ten elementwise products, and their sums.</p>
      </header>
      <div class="dp-layout">
        <section class="panel dp-browser" aria-labelledby="dp-browser-title">
          <h2 id="dp-browser-title">The first 1,000 training digits</h2>
          <div class="dp-pager">
            <button type="button" id="dp-prev" aria-label="Previous 100 digits">‹</button>
            <span id="dp-range" aria-live="polite">Loading…</span>
            <button type="button" id="dp-next" aria-label="Next 100 digits">›</button>
          </div>
          <div class="dp-thumbs" id="dp-thumbs"></div>
        </section>
        <section class="panel dp-detail" aria-labelledby="dp-title">
          <h2 id="dp-title">Digit</h2>
          <div class="dp-input">
            <canvas class="dp-big" id="dp-input" width="28" height="28" role="img" aria-label="The selected digit"></canvas>
            <p id="dp-verdict" class="dp-verdict" aria-live="polite"></p>
          </div>
          <table class="dp-table">
            <thead><tr><th scope="col">digit</th><th scope="col">weights</th><th scope="col">input × weights</th><th scope="col">sum = score</th></tr></thead>
            <tbody id="dp-rows"></tbody>
          </table>
          <p class="dp-note">Each score is the sum of all 784 values in its middle image: blue pixels add, orange ones
          subtract, white ones (paper, or a weight near 0) add nothing. Only inked pixels can count, so the middle
          images are the weight rows seen through the shape of this digit.</p>
          <div id="dp-legends" class="dp-legends"></div>
        </section>
      </div>
    </article>`;

  const $ = (id) => root.querySelector(`#${id}`);
  const thumbs = $('dp-thumbs');
  const rangeText = $('dp-range');
  const weightLegend = makeLegend('weight');
  const productLegend = makeLegend('input × weight');
  $('dp-legends').append(weightLegend.element, productLegend.element);

  const rows = [];
  for (let d = 0; d < 10; d++) {
    const tr = document.createElement('tr');
    tr.innerHTML = `<th scope="row">${d}</th><td></td><td></td><td class="dp-score"><span class="dp-value"></span><span class="dp-bar"><span></span></span></td>`;
    const weights = makeCanvas('dp-small', `Weights of digit ${d}`);
    const product = makeCanvas('dp-small', `Input times the weights of digit ${d}`);
    tr.children[1].append(weights);
    tr.children[2].append(product);
    $('dp-rows').append(tr);
    rows.push({ tr, weights, product, value: tr.querySelector('.dp-value'), bar: tr.querySelector('.dp-bar > span') });
  }

  const net = new engine.LinearNetwork(1);
  let data = null;
  let alive = true;
  let page = -1;

  const selected = () => {
    const i = Math.round(state.number('img', 0));
    return data && i >= 0 && i < data.count ? i : 0;
  };

  function showPage(p) {
    page = p;
    const begin = p * PAGE;
    const end = Math.min(data.count, begin + PAGE);
    const pixels = data.images(begin, end);  // one call for the whole page
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
    $('dp-prev').disabled = p === 0;
    $('dp-next').disabled = end >= data.count;
  }

  function showDigit() {
    const i = selected();
    const p = Math.floor(i / PAGE);
    if (p !== page) showPage(p);
    for (const b of thumbs.querySelectorAll('.dp-thumb')) {
      b.setAttribute('aria-pressed', String(Number(b.dataset.index) === i));
    }
    const label = data.label(i);
    paintDigit($('dp-input'), data.images(i, i + 1));
    const scores = net.predictImage(data, i);
    const weights = net.weights();
    const products = Array.from({ length: 10 }, (_, d) => net.contributionsImage(data, i, d));
    const wScale = maxAbs(weights) || 1;
    const pScale = Math.max(...products.map((p) => maxAbs(p))) || 1;
    const [best] = rank(scores);
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
    $('dp-title').textContent = `Digit ${i + 1} of the training set, labelled ${label}`;
    const verdict = $('dp-verdict');
    verdict.dataset.prediction = String(best);
    verdict.textContent = best === label
      ? `Highest score: ${best}, with ${scores[best].toFixed(3)}. Right.`
      : `Highest score: ${best}, with ${scores[best].toFixed(3)}. Wrong: it is a ${label}.`;
    verdict.classList.toggle('wrong', best !== label);
  }

  thumbs.addEventListener('click', (event) => {
    const button = event.target.closest('.dp-thumb');
    if (button) state.set({ img: button.dataset.index });
  });
  // Left and right arrows step through the digits, keeping focus on the grid.
  thumbs.addEventListener('keydown', (event) => {
    const step = { ArrowLeft: -1, ArrowRight: 1 }[event.key];
    if (!step || !data) return;
    event.preventDefault();
    const next = Math.min(data.count - 1, Math.max(0, selected() + step));
    state.set({ img: next });
    thumbs.querySelector(`.dp-thumb[data-index="${next}"]`)?.focus();
  });
  $('dp-prev').addEventListener('click', () => { if (data && page > 0) state.set({ img: (page - 1) * PAGE }); });
  $('dp-next').addEventListener('click', () => { if (data && (page + 1) * PAGE < data.count) state.set({ img: (page + 1) * PAGE }); });
  const unsubscribe = state.subscribe((values, changed) => {
    if (alive && data && changed.includes('img')) showDigit();
  });

  (async () => {
    try {
      clearStatus();
      await loadModelInto(net, MODEL_URL);
      const d = await loadDataset(engine, TRAIN_URL);
      if (!alive) { d.delete(); return; }
      data = d;
      showDigit();
    } catch (error) {
      if (alive) {
        rangeText.textContent = 'The digits could not be loaded.';
        showError(error);
      }
    }
  })();

  return () => {
    alive = false;
    unsubscribe();
    net.delete();
    data?.delete();
  };
}
