// "Dot products, seen": pick one of the book's first 1,000 digits (or one of
// the 10,000 test digits, set=test) and see the trained network score it.
// For each digit d the score is the dot product of the input with weight row
// d: multiply pixel by weight (the middle image), then add everything up. The
// biggest sum is the prediction. "Pixel by pixel" reads out one pixel's
// input x weight = product for any class (cls).
import { showError, clearStatus } from '../status.js';
import { TRAIN_URL, TEST_URL } from '../common/fetch.js';
import { paintDigit } from '../common/paint.js';
import { rank } from '../common/rank.js';
import { loadTrainedAndDigits } from '../mnist/data.js';
import { dotProductHtml, verdictText, showSet } from '../mnist/dot-template.js';
import { createScoreRows } from '../mnist/dot-rows.js';
import { createPixelInspector } from '../mnist/dot-pixels.js';
import { readSet, firstRightTwo, readDigit, readClass } from '../mnist/dot-choice.js';
import { createThumbs } from '../mnist/thumbs.js';
import { bringIntoView } from '../common/motion.js';

export function mount(root, { engine, state }) {
  let set = readSet(state);
  root.innerHTML = dotProductHtml(set);
  const $ = (id) => root.querySelector(`#${id}`);
  const net = new engine.LinearNetwork(1);
  let data = null, opening = 0, alive = true, loads = 0;

  const selected = () => (data ? readDigit(state, data, opening) : 0);
  const thumbs = createThumbs({ thumbs: $('dp-thumbs'), rangeText: $('dp-range'), prev: $('dp-prev'), next: $('dp-next') },
    { current: selected, choose: (img) => state.set({ img }) });
  // A digit tapped: its detail comes into view (on a phone it is below the digits).
  $('dp-thumbs').addEventListener('click', (event) => {
    if (event.target.closest('button')) bringIntoView(root.querySelector('.dp-detail'));
  });
  const showScores = createScoreRows($('dp-rows'), $('dp-legends'));
  const showPixels = createPixelInspector({ canvases: ['dp-px-input', 'dp-px-weights', 'dp-px-products'].map($), readout: $('dp-px-readout') });

  function showDigit() {
    const i = selected();
    thumbs.select(i);
    const label = data.label(i);
    paintDigit($('dp-input'), data.images(i, i + 1));
    $('dp-input').setAttribute('aria-label', `The selected digit: image ${i + 1}, labelled ${label}`);
    const scores = net.predictImage(data, i);
    const products = Array.from({ length: 10 }, (_, d) => net.contributionsImage(data, i, d));
    const [best] = rank(scores);
    const weights = net.weights();
    showScores({ weights, products, scores, best });
    const cls = readClass(state, best);
    $('dp-class').value = String(cls);
    for (const tr of $('dp-rows').children) tr.classList.toggle('inspected', tr.dataset.digit === String(cls));
    showPixels({ input: data.input(i), weights, products: products[cls], cls });
    $('dp-title').textContent = `Digit ${i + 1} of the ${set === 'test' ? 'test' : 'training'} set, labelled ${label}`;
    const verdict = $('dp-verdict');
    verdict.dataset.prediction = String(best);
    verdict.textContent = verdictText(best, scores[best], label);
    verdict.classList.toggle('wrong', best !== label);
  }

  $('dp-class').addEventListener('change', () => state.set({ cls: $('dp-class').value }));
  $('dp-rows').addEventListener('click', (e) => { const tr = e.target.closest('tr[data-digit]'); if (tr) state.set({ cls: tr.dataset.digit }); });
  root.querySelector('.dp-sets').addEventListener('click', (e) => {
    if (!e.target.dataset.set) return;
    e.preventDefault();
    state.set({ set: e.target.dataset.set === 'test' ? 'test' : null, img: null, cls: null }, { push: true });
  });
  const unsubscribe = state.subscribe((values, changed) => {
    if (!alive) return;
    if (changed.includes('set') && readSet(state) !== set) load();
    else if (data && (changed.includes('img') || changed.includes('cls'))) showDigit();
  });

  async function load() {
    const request = ++loads;
    set = readSet(state);
    showSet(root, set);
    try {
      clearStatus();
      const d = await loadTrainedAndDigits(engine, net, set === 'test' ? TEST_URL : TRAIN_URL,
        () => alive && request === loads);
      if (!d) return;
      data?.delete();
      data = d;
      opening = firstRightTwo(net, d);
      thumbs.setData(d);
      showDigit();
    } catch (error) {
      if (alive) {
        $('dp-range').textContent = 'The digits could not be loaded.';
        showError(error);
      }
    }
  }
  load();

  return () => {
    alive = false;
    unsubscribe();
    net.delete();
    data?.delete();
  };
}
