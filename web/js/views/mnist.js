// "What the weights learn": the chapter's 784->10 network trained in the
// browser on the book's first 1,000 MNIST digits, a chunk of images per
// animation frame, with its ten weight rows drawn as 28x28 images while it
// learns, a chart of error and accuracy per epoch, and the committed trained
// weights (models/chapter-linear.wlm) one click away.
import { showError, clearStatus } from '../status.js';
import { loadDataset, loadModelInto } from '../mnist/data.js';
import { TRAIN_URL, TEST_URL, LINEAR_MODEL_URL as MODEL_URL } from '../common/fetch.js';
import { makeCanvas, paintSigned, maxAbs, makeLegend, PIXELS } from '../common/paint.js';
import { createProgressChart } from '../mnist/chart.js';
import { createTrainer } from '../mnist/trainer.js';

// Keep in step with wasm/tools/train_linear.cpp, which wrote models/chapter-linear.wlm.
const DEFAULTS = { alpha: 0.001, epochs: 10, seed: 1 };
const ALPHAS = [0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05];
const MAX_EPOCHS = 50;
const EMPTY_CHART = 'One point per epoch appears here while the network trains.';

const percent = (x) => `${(100 * x).toFixed(1)}%`;

function readSettings(state) {
  let alpha = state.number('alpha', DEFAULTS.alpha);
  if (!(alpha > 0 && alpha <= 1)) alpha = DEFAULTS.alpha;
  let epochs = Math.round(state.number('epochs', DEFAULTS.epochs));
  if (!(epochs >= 1 && epochs <= MAX_EPOCHS)) epochs = DEFAULTS.epochs;
  return { alpha, epochs };
}

export function mount(root, { engine, state }) {
  const settings = readSettings(state);
  const alphas = ALPHAS.includes(settings.alpha) ? ALPHAS : [...ALPHAS, settings.alpha].sort((a, b) => a - b);
  root.innerHTML = `
    <article class="mnist">
      <header class="mnist-head">
        <h1>What the weights learn</h1>
        <p>The network from the last sections, grown to <strong>784 inputs</strong> (one per pixel of a 28×28
        handwritten digit, divided by 255) and <strong>10 outputs</strong> (one score per digit). The target is 1 for the
        right digit and 0 for the other nine. It learns with exactly the step you have seen, one image at a time,
        here on the first 1,000 training images of MNIST, the same ones the book uses.</p>
      </header>
      <section class="panel mnist-controls" aria-label="Training controls">
        <div class="mnist-fields">
          <label>alpha <select id="mnist-alpha">${alphas.map((a) => `<option value="${a}"${a === settings.alpha ? ' selected' : ''}>${a}</option>`).join('')}</select></label>
          <label>epochs <input id="mnist-epochs" type="number" min="1" max="${MAX_EPOCHS}" step="1" value="${settings.epochs}"></label>
        </div>
        <div class="mnist-buttons">
          <button type="button" class="primary" id="mnist-run">Start</button>
          <button type="button" id="mnist-reset">Reset</button>
          <button type="button" id="mnist-load">Load trained weights</button>
        </div>
        <div class="mnist-progress">
          <progress id="mnist-progress" max="1" value="0" aria-label="Training progress"></progress>
          <p id="mnist-phase" class="mnist-phase">Weights are random (seed ${DEFAULTS.seed}): press Start.</p>
        </div>
      </section>
      <div class="mnist-grid">
        <section class="panel" aria-labelledby="mnist-weights-title">
          <h2 id="mnist-weights-title">The ten weight rows, as images</h2>
          <p class="mnist-note">Row <em>d</em> holds digit <em>d</em>'s weight for every pixel. Blue pixels push the
          score for that digit up when they are inked, orange ones push it down. In the first epochs a blurry
          average of each digit appears; later epochs add speckle as the weights start to fit single training images.</p>
          <div class="mnist-weights" id="mnist-weights"></div>
        </section>
        <section class="panel" aria-labelledby="mnist-chart-title">
          <h2 id="mnist-chart-title">Error and accuracy, epoch by epoch</h2>
          <div class="mnist-chart"><canvas id="mnist-chart" aria-label="Chart of error and accuracy per epoch" role="img"></canvas>
            <p class="mnist-chart-empty" id="mnist-chart-empty">${EMPTY_CHART}</p></div>
          <p id="mnist-accuracy" class="mnist-accuracy" aria-live="polite"></p>
        </section>
      </div>
      <section class="panel mnist-why" aria-labelledby="mnist-why-title">
        <h2 id="mnist-why-title">Why alpha matters so much here</h2>
        <p>One step moves each weight by alpha × delta × input, so it moves that digit's prediction by
        alpha × delta × (the sum of its squared pixel values). Divided by 255, a digit's pixels square-sum to about 86
        on average here (22 for the thinnest, 215 for the boldest). With alpha 0.001 a step fixes about a tenth of the
        error; at alpha 0.012 it fixes all of it for an average digit and jumps past the target for a bold one; above
        about 0.023 it lands farther away than it started, the error grows with every image, and training diverges
        (try 0.05). Even below that limit a large alpha makes the weights chase the last few digits they saw, while a
        small one averages over many digits, which is what helps on digits the network has never seen. Measured
        after 10 epochs, test accuracy falls from 80.5% at alpha 0.001 to 79.5% at 0.002, 76.7% at 0.005, 71.4% at
        0.01 and 39.5% at 0.02; at 0.03 training diverges in the first epoch.</p>
        <p>With alpha 0.001 and 10 epochs this network gets about 89% of its 1,000 training digits and about 80.5% of
        the 10,000 test digits right. The gap is overfitting: 1,000 examples are few for 7,840 weights. A weighted sum of
        pixels cannot do much better; hidden layers, later in the book, can.</p>
      </section>
    </article>`;

  const $ = (id) => root.querySelector(`#${id}`);
  const runButton = $('mnist-run');
  const resetButton = $('mnist-reset');
  const loadButton = $('mnist-load');
  const alphaSelect = $('mnist-alpha');
  const epochsInput = $('mnist-epochs');
  const bar = $('mnist-progress');
  const phaseText = $('mnist-phase');
  const accuracyText = $('mnist-accuracy');
  const chartEmpty = $('mnist-chart-empty');

  const canvases = [];
  const weightsBox = $('mnist-weights');
  for (let d = 0; d < 10; d++) {
    const figure = document.createElement('figure');
    const canvas = makeCanvas('mnist-weight', `Weights of digit ${d}`);
    const caption = document.createElement('figcaption');
    caption.textContent = String(d);
    figure.append(canvas, caption);
    weightsBox.append(figure);
    canvases.push(canvas);
  }
  const legend = makeLegend('weight value (one scale for all ten)');
  weightsBox.after(legend.element);

  let chart = null;
  try {
    chart = createProgressChart($('mnist-chart'));
  } catch (error) {
    showError(error);
  }

  const net = new engine.LinearNetwork(DEFAULTS.seed);
  let train = null;
  let test = null;
  let trainer = null;
  let alive = true;
  let drawFrame = 0;

  function drawWeights() {
    drawFrame = 0;
    const w = net.weights();
    const scale = maxAbs(w) || 1;
    for (let d = 0; d < 10; d++) paintSigned(canvases[d], w, scale, { offset: d * PIXELS });
    legend.setScale(scale);
    weightsBox.dataset.version = String(Number(weightsBox.dataset.version || 0) + 1);
  }

  function setRunLabel() {
    runButton.textContent = trainer?.running ? 'Pause' : paused && !finished ? 'Resume' : 'Start';
  }

  let paused = false;
  let finished = false;
  const alpha = () => Number(alphaSelect.value);
  const epochs = () => {
    const n = Math.round(Number(epochsInput.value));
    return n >= 1 && n <= MAX_EPOCHS ? n : DEFAULTS.epochs;
  };

  async function ensureData() {
    if (!train) {
      phaseText.textContent = 'Loading the 1,000 training digits…';
      const t = await loadDataset(engine, TRAIN_URL);
      if (!alive) { t.delete(); throw new Error('view closed'); }
      train = t;
    }
    if (!test) {
      phaseText.textContent = 'Loading the 10,000 test digits…';
      const t = await loadDataset(engine, TEST_URL);
      if (!alive) { t.delete(); throw new Error('view closed'); }
      test = t;
    }
  }

  function makeTrainer() {
    return createTrainer({
      net, train, test, alpha, epochs,
      on: {
        frame({ epoch, index, phase, progress }) {
          bar.value = progress;
          phaseText.textContent = phase === 'train'
            ? `Epoch ${epoch + 1} of ${epochs()}: image ${index} of ${train.count}`
            : `Epoch ${epoch + 1} of ${epochs()}: testing on ${test.count.toLocaleString('en')} digits`;
          if (!drawFrame) drawFrame = requestAnimationFrame(drawWeights);
        },
        epoch({ epoch, error, trainAcc, testAcc }) {
          chart?.add(epoch, error, trainAcc, testAcc);
          chartEmpty.hidden = true;
          accuracyText.textContent = `After epoch ${epoch}: error ${error.toFixed(1)}, train accuracy ${percent(trainAcc)} ` +
            `(each image scored just before it was learned), test accuracy ${percent(testAcc)} on 10,000 digits it never trains on.`;
        },
        done() {
          finished = true;
          phaseText.textContent = `Done: ${trainer.epoch} epochs at alpha ${alpha()}.`;
          drawWeights();
          setRunLabel();
        },
        diverged({ epoch, index }) {
          finished = true;
          phaseText.textContent = `Diverged in epoch ${epoch} at image ${index}: alpha ${alpha()} overshoots. Reset and pick a smaller alpha.`;
          phaseText.classList.add('warn');
          drawWeights();
          setRunLabel();
        },
        error(error) {
          showError(error);
          setRunLabel();
        },
      },
    });
  }

  async function run() {
    if (trainer?.running) {               // Pause
      trainer.pause();
      paused = true;
      phaseText.textContent = `Paused in epoch ${trainer.epoch + 1}.`;
      setRunLabel();
      return;
    }
    try {
      clearStatus();
      if (paused && trainer && !finished) {  // Resume
        paused = false;
        trainer.resume();
        setRunLabel();
        return;
      }
      runButton.disabled = true;
      await ensureData();
      runButton.disabled = false;
      if (finished || net.diverged) reset();
      phaseText.classList.remove('warn');
      trainer = makeTrainer();
      paused = false;
      finished = false;
      trainer.start();
      setRunLabel();
    } catch (error) {
      runButton.disabled = false;
      if (alive) { showError(error); phaseText.textContent = 'Could not load the digits.'; }
    }
  }

  function reset() {
    trainer?.stop();
    trainer = null;
    paused = false;
    finished = false;
    net.reset(DEFAULTS.seed);
    chart?.clear();
    chartEmpty.hidden = false;
    chartEmpty.textContent = EMPTY_CHART;
    bar.value = 0;
    accuracyText.textContent = '';
    phaseText.classList.remove('warn');
    phaseText.textContent = `Weights are random again (seed ${DEFAULTS.seed}).`;
    drawWeights();
    setRunLabel();
  }

  async function loadTrained() {
    trainer?.stop();
    trainer = null;
    paused = false;
    setRunLabel();
    try {
      clearStatus();
      loadButton.disabled = true;
      await loadModelInto(net, MODEL_URL);
      drawWeights();
      await ensureData();
      finished = true;
      chart?.clear();
      chartEmpty.hidden = false;
      chartEmpty.textContent = 'These weights were trained offline (train_linear); press Start to watch a network learn.';
      bar.value = 1;
      const testAcc = net.evaluate(test);
      const trainAcc = net.evaluate(train);
      phaseText.classList.remove('warn');
      phaseText.textContent = `Loaded ${MODEL_URL}: trained with alpha ${DEFAULTS.alpha}, ${DEFAULTS.epochs} epochs, seed ${DEFAULTS.seed}.`;
      accuracyText.textContent = `Trained weights, measured now in your browser: test accuracy ${(100 * testAcc).toFixed(2)}% ` +
        `on the 10,000 test digits, ${(100 * trainAcc).toFixed(1)}% on the 1,000 training digits.`;
    } catch (error) {
      if (alive) showError(error);
    } finally {
      loadButton.disabled = false;
      setRunLabel();
    }
  }

  function onSettings() {
    state.set({ alpha: alphaSelect.value, epochs: epochs() });
  }

  // Back/forward through the history: show the settings of that entry.
  const unsubscribe = state.subscribe((values, changed) => {
    if (!changed.includes('alpha') && !changed.includes('epochs')) return;
    const next = readSettings(state);
    if (![...alphaSelect.options].some((o) => Number(o.value) === next.alpha)) {
      alphaSelect.add(new Option(String(next.alpha), String(next.alpha)));
    }
    alphaSelect.value = String(next.alpha);
    epochsInput.value = String(next.epochs);
  });

  runButton.addEventListener('click', run);
  resetButton.addEventListener('click', reset);
  loadButton.addEventListener('click', loadTrained);
  alphaSelect.addEventListener('change', onSettings);
  epochsInput.addEventListener('change', onSettings);
  drawWeights();

  return () => {
    alive = false;
    unsubscribe();
    trainer?.stop();
    if (drawFrame) cancelAnimationFrame(drawFrame);
    chart?.destroy();
    net.delete();
    train?.delete();
    test?.delete();
  };
}
