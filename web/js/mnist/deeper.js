// The MNIST page's deeper panels, mounted into the container the page's
// template leaves for them: 28x28 -> 784 (flatten.js), one image at a time
// (one-step.js) and the live grid of test predictions (live-grid.js). Loads
// what they need itself (the digit files' bytes are fetched once per page);
// `changed(net)` tells the grid the page's network has new weights.
import { showError } from '../status.js';
import { TRAIN_URL, TEST_URL } from '../common/fetch.js';
import { paintDigit, paintSigned, maxAbs, PIXELS } from '../common/paint.js';
import { loadDataset, loadTrainedAndDigits } from './data.js';
import { deeperHtml, DEFAULT_PACE, PACES } from './deeper-template.js';
import { createFlattener } from './flatten.js';
import { createOneStep } from './one-step.js';
import { createLiveGrid } from './live-grid.js';
import { followDigitLinks } from './dot-link.js';
import { firstRightTwo } from './dot-choice.js';

export function mountDeeper(box, { engine, state }) {
  box.innerHTML = deeperHtml(state.choice('pace', PACES, DEFAULT_PACE));
  const $ = (id) => box.querySelector(`#${id}`);
  const flatten = createFlattener($('deep-flatten'), 'flatten');
  const fold = createFlattener($('deep-fold'), 'fold');
  const oneStep = createOneStep(engine, state, $);
  const grid = createLiveGrid($('deep-grid'), $('deep-grid-count'));
  const unfollow = followDigitLinks(box, state);
  const trained = new engine.LinearNetwork(1);
  let train = null, test = null, alive = true, observer = null;

  const playBoth = () => { flatten.play(); fold.play(); };
  $('deep-flat-play').addEventListener('click', playBoth);

  (async () => {
    try {
      train = await loadTrainedAndDigits(engine, trained, TRAIN_URL, () => alive);
      if (!train) return;
      const two = firstRightTwo(trained, train);
      flatten.setSource((c) => paintDigit(c, train.images(two, two + 1)));
      const w = trained.weights();
      fold.setSource((c) => paintSigned(c, w, maxAbs(w, 2 * PIXELS, 3 * PIXELS) || 1, { offset: 2 * PIXELS }));
      observer = new IntersectionObserver((entries) => {   // play once, when first seen
        if (!entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        playBoth();
      });
      observer.observe($('deep-flatten'));
      oneStep.setData(train);
      const d = await loadDataset(engine, TEST_URL);
      if (!alive) { d.delete(); return; }
      test = d;
      grid.setData(test);
    } catch (error) {
      if (alive) showError(error);
    }
  })();

  return {
    changed: grid.changed,
    destroy() {
      alive = false;
      observer?.disconnect();
      flatten.stop();
      fold.stop();
      oneStep.destroy();
      grid.destroy();
      unfollow();
      trained.delete();
      train?.delete();
      test?.delete();
    },
  };
}
