// "Dot products, seen": pick one of the book's first 1,000 digits and see the
// trained network score it. For each digit d the score is the dot product of
// the input with weight row d: multiply pixel by weight (the middle image),
// then add everything up. The biggest sum is the prediction.
import { showError, clearStatus } from '../status.js';
import { TRAIN_URL, LINEAR_MODEL_URL } from '../common/fetch.js';
import { paintDigit } from '../common/paint.js';
import { rank } from '../common/rank.js';
import { loadDataset, loadModelInto } from '../mnist/data.js';
import { dotProductHtml, verdictText } from '../mnist/dot-template.js';
import { createScoreRows } from '../mnist/dot-rows.js';
import { createThumbs } from '../mnist/thumbs.js';
import { bringIntoView } from '../common/motion.js';

export function mount(root, { engine, state }) {
  root.innerHTML = dotProductHtml();
  const $ = (id) => root.querySelector(`#${id}`);
  const net = new engine.LinearNetwork(1);
  let data = null;
  let alive = true;

  const selected = () => {
    const i = Math.round(state.number('img', 0));
    return data && i >= 0 && i < data.count ? i : 0;
  };
  const thumbs = createThumbs({ thumbs: $('dp-thumbs'), rangeText: $('dp-range'), prev: $('dp-prev'), next: $('dp-next') },
    { current: selected, choose: (img) => state.set({ img }) });
  // A digit tapped: its detail comes into view (on a phone it is below the digits).
  $('dp-thumbs').addEventListener('click', (event) => {
    if (event.target.closest('button')) bringIntoView(root.querySelector('.dp-detail'));
  });
  const showScores = createScoreRows($('dp-rows'), $('dp-legends'));

  function showDigit() {
    const i = selected();
    thumbs.select(i);
    const label = data.label(i);
    paintDigit($('dp-input'), data.images(i, i + 1));
    $('dp-input').setAttribute('aria-label', `The selected digit: image ${i + 1}, labelled ${label}`);
    const scores = net.predictImage(data, i);
    const products = Array.from({ length: 10 }, (_, d) => net.contributionsImage(data, i, d));
    const [best] = rank(scores);
    showScores({ weights: net.weights(), products, scores, best });
    $('dp-title').textContent = `Digit ${i + 1} of the training set, labelled ${label}`;
    const verdict = $('dp-verdict');
    verdict.dataset.prediction = String(best);
    verdict.textContent = verdictText(best, scores[best], label);
    verdict.classList.toggle('wrong', best !== label);
  }

  const unsubscribe = state.subscribe((values, changed) => {
    if (alive && data && changed.includes('img')) showDigit();
  });

  (async () => {
    try {
      clearStatus();
      await loadModelInto(net, LINEAR_MODEL_URL);
      const d = await loadDataset(engine, TRAIN_URL);
      if (!alive) { d.delete(); return; }
      data = d;
      thumbs.setData(d);
      showDigit();
    } catch (error) {
      if (alive) {
        $('dp-range').textContent = 'The digits could not be loaded.';
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
