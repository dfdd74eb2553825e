// "Dot products from scratch": the chapter's toy vectors a..e, editable, one
// pair multiplied place by place and summed, every pair's score, and then the
// same sum over 784 pixels with the trained network's weights for 2. Every
// number is the engine's (engine.dot, engine.elementwise, LinearNetwork).
import { showError } from '../status.js';
import { TRAIN_URL } from '../common/fetch.js';
import { loadTrainedAndDigits } from '../mnist/data.js';
import { vectorsHtml } from '../vectors/template.js';
import { NAMES, readAll, readPair } from '../vectors/model.js';
import { createEditor } from '../vectors/editor.js';
import { showPair } from '../vectors/pair.js';
import { showAllPairs } from '../vectors/all-pairs.js';
import { showWeightsTwo, CLASS } from '../vectors/weights-two.js';
import { followDigitLinks } from '../mnist/dot-link.js';

export function mount(root, { engine, state }) {
  root.innerHTML = vectorsHtml(readPair(state));
  const $ = (id) => root.querySelector(`#${id}`);
  const showVectors = createEditor($('vec-edit'), state);
  const net = new engine.LinearNetwork(1);
  let data = null;
  let alive = true;

  function render() {
    const vectors = readAll(state);
    const pair = readPair(state);
    $('vec-x').value = pair[0];
    $('vec-y').value = pair[1];
    showVectors(vectors);
    try {
      showPair(engine, $('vec-pair'), $('vec-sum'), pair, vectors);
      showAllPairs(engine, $('vec-all'), vectors, pair);
    } catch (error) {
      showError(error);
    }
  }
  const other = () => Number($('vec-other').value);
  const renderMnist = () => { if (data) showWeightsTwo($('vec-mnist'), net, data, other()); };

  $('vec-other').innerHTML = [0, 1, 3, 4, 5, 6, 7, 8, 9].map((d) => `<option value="${d}"${d === 1 ? ' selected' : ''}>${d}</option>`).join('');
  $('vec-other').addEventListener('change', renderMnist);
  $('vec-x').addEventListener('change', () => state.set({ x: $('vec-x').value }));
  $('vec-y').addEventListener('change', () => state.set({ y: $('vec-y').value }));
  $('vec-book').addEventListener('click', () => state.set(Object.fromEntries(NAMES.map((n) => [`v${n}`, null]))));
  $('vec-all').addEventListener('click', (event) => {
    const cell = event.target.closest('.vec-cell');
    if (cell) state.set({ x: cell.dataset.x, y: cell.dataset.y });
  });
  const unfollow = followDigitLinks(root, state);
  const unsubscribe = state.subscribe(() => { if (alive) render(); });
  render();

  (async () => {
    try {
      data = await loadTrainedAndDigits(engine, net, TRAIN_URL, () => alive);
      if (!data) return;
      renderMnist();
    } catch (error) {
      if (alive) { $('vec-mnist').textContent = `The trained weights for ${CLASS} could not be loaded.`; showError(error); }
    }
  })();

  return () => {
    alive = false;
    unsubscribe();
    unfollow();
    net.delete();
    data?.delete();
  };
}
