// "What the weights learn": the chapter's 784->10 network trained in the
// browser on the book's first 1,000 MNIST digits, a chunk of images per
// animation frame, with its ten weight rows drawn as 28x28 images while it
// learns, a chart of error and accuracy every 50 images, and the committed trained
// weights (models/chapter-linear.wlm) one click away. alpha and epochs live
// in the state (the URL).
import { showError } from '../status.js';
import { readSettings, alphaChoices, bindSettings } from '../mnist/settings.js';
import { mnistHtml } from '../mnist/template.js';
import { createWeightPictures } from '../mnist/weights.js';
import { createProgressChartLater } from '../mnist/chart.js';
import { createSession } from '../mnist/session.js';
import { missingNote } from '../vendor.js';
import { mountDeeper } from '../mnist/deeper.js';

export function mount(root, { engine, state }) {
  const settings = readSettings(state);
  root.innerHTML = mnistHtml({ alphas: alphaChoices(settings.alpha), settings });
  const $ = (id) => root.querySelector(`#${id}`);

  const chart = createProgressChartLater($('mnist-chart'), (error) => {
    showError(error);
    $('mnist-chart').parentElement.replaceWith(missingNote(error.message));   // said where the chart would be
  });
  const deeper = mountDeeper($('mnist-deeper'), { engine, state });
  const session = createSession(engine, state, {
    runButton: $('mnist-run'), loadButton: $('mnist-load'), bar: $('mnist-progress'),
    phaseText: $('mnist-phase'), accuracyText: $('mnist-accuracy'), chartEmpty: $('mnist-chart-empty'),
    chart, paintWeights: createWeightPictures($('mnist-weights')), weightsChanged: deeper.changed,
  });
  const unbind = bindSettings(state, $('mnist-alpha'), $('mnist-epochs'));
  $('mnist-run').addEventListener('click', session.run);
  $('mnist-reset').addEventListener('click', session.reset);
  $('mnist-load').addEventListener('click', session.loadTrained);

  return () => {
    unbind();
    session.destroy();
    deeper.destroy();
    chart?.destroy();
  };
}
