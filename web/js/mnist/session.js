// A training session of the MNIST page: the network, the two datasets
// (loaded on first use), the trainer, and what each button does: Start /
// Pause / Resume, Reset (random weights again), Load the trained weights.
// It writes to the page only through `ui` (elements and painters the view made).
import { showError, clearStatus } from '../status.js';
import { TRAIN_URL, TEST_URL, LINEAR_MODEL_URL } from '../common/fetch.js';
import { percent } from '../common/format.js';
import { loadDataset, loadModelInto } from './data.js';
import { createTrainer } from './trainer.js';
import { DEFAULTS, readSettings } from './settings.js';
import { EMPTY_CHART, TRAINED_CHART } from './template.js';

export function createSession(engine, state, ui) {
  const net = new engine.LinearNetwork(DEFAULTS.seed);
  let train = null, test = null, trainer = null;
  let alive = true, paused = false, finished = false, drawFrame = 0;
  const alpha = () => readSettings(state).alpha;
  const epochs = () => readSettings(state).epochs;
  const { runButton, loadButton, bar, phaseText, accuracyText, chartEmpty, chart } = ui;

  function drawWeights() {
    drawFrame = 0;
    ui.paintWeights(net.weights());
    ui.weightsChanged?.(net);
  }
  function setRunLabel() {
    runButton.textContent = trainer?.running ? 'Pause' : paused && !finished ? 'Resume' : 'Start';
  }
  function say(text, warn = false) {
    phaseText.classList.toggle('warn', warn);
    phaseText.textContent = text;
  }
  function ended(text, warn) {
    finished = true;
    say(text, warn);
    drawWeights();
    setRunLabel();
  }

  async function load(url, what) {
    phaseText.textContent = `Loading the ${what}…`;
    const d = await loadDataset(engine, url);
    if (!alive) { d.delete(); throw new Error('view closed'); }
    return d;
  }
  // The site ships 2,000 of MNIST's 10,000 test digits (every fifth: common/fetch.js), and says so.
  const testDigits = () => `${test.count.toLocaleString('en')} test digits (every fifth of the 10,000)`;
  async function ensureData() {
    train ??= await load(TRAIN_URL, '1,000 training digits');
    test ??= await load(TEST_URL, '2,000 test digits');
  }

  const on = {
    frame({ epoch, index, phase, progress }) {
      bar.value = progress;
      phaseText.textContent = phase === 'train'
        ? `Epoch ${epoch + 1} of ${epochs()}: image ${index} of ${train.count}`
        : `Epoch ${epoch + 1} of ${epochs()}: testing on ${test.count.toLocaleString('en')} digits`;
      if (!drawFrame) drawFrame = requestAnimationFrame(drawWeights);
    },
    point({ seen, error, acc }) {
      chart?.point(seen, error, acc);
      chartEmpty.hidden = true;
    },
    epoch({ epoch, error, trainAcc, testAcc }) {
      chart?.add(epoch * train.count, testAcc);
      chartEmpty.hidden = true;
      accuracyText.textContent = `After epoch ${epoch}: error ${error.toFixed(1)}, train accuracy ${percent(trainAcc)} ` +
        `(each image scored just before it was learned), test accuracy ${percent(testAcc)} on ${testDigits()} it never trains on.`;
    },
    done: () => ended(`Done: ${trainer.epoch} epochs at alpha ${alpha()}.`),
    diverged: ({ epoch, index, seen }) => {
      chart?.diverged(seen);   // the curve so far stays, marked where it blew up
      ended(`Diverged in epoch ${epoch} at image ${index}: alpha ${alpha()} overshoots. Reset and pick a smaller alpha.`, true);
    },
    error(error) { showError(error); setRunLabel(); },
  };

  function pause() {
    trainer.pause();
    paused = true;
    phaseText.textContent = `Paused in epoch ${trainer.epoch + 1}.`;
    setRunLabel();
  }

  async function run() {
    if (trainer?.running) { pause(); return; }
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
      trainer = createTrainer({ net, train, test, alpha, epochs, on });
      paused = false;
      finished = false;
      trainer.start();
      setRunLabel();
    } catch (error) {
      runButton.disabled = false;
      if (alive) { showError(error); phaseText.textContent = 'Could not load the digits.'; }
    }
  }

  function stop() {
    trainer?.stop();
    trainer = null;
    paused = false;
  }

  function showChart(text) {
    chart?.clear();
    chartEmpty.hidden = false;
    chartEmpty.textContent = text;
  }

  function reset() {
    stop();
    finished = false;
    net.reset(DEFAULTS.seed);
    showChart(EMPTY_CHART);
    bar.value = 0;
    accuracyText.textContent = '';
    say(`Weights are random again (seed ${DEFAULTS.seed}).`);
    drawWeights();
    setRunLabel();
  }

  async function loadTrained() {
    stop();
    setRunLabel();
    try {
      clearStatus();
      loadButton.disabled = true;
      await loadModelInto(net, LINEAR_MODEL_URL);
      drawWeights();
      await ensureData();
      finished = true;
      showChart(TRAINED_CHART);
      bar.value = 1;
      const testAcc = net.evaluate(test);
      const trainAcc = net.evaluate(train);
      say(`Loaded ${LINEAR_MODEL_URL}: trained with alpha ${DEFAULTS.alpha}, ${DEFAULTS.epochs} epochs, seed ${DEFAULTS.seed}.`);
      accuracyText.textContent = `Trained weights, measured now in your browser: test accuracy ${percent(testAcc, 2)} ` +
        `on ${testDigits()}, ${percent(trainAcc)} on the 1,000 training digits.`;
    } catch (error) {
      if (alive) showError(error);
    } finally {
      loadButton.disabled = false;
      setRunLabel();
    }
  }

  function destroy() {
    alive = false;
    trainer?.stop();
    if (drawFrame) cancelAnimationFrame(drawFrame);
    net.delete();
    train?.delete();
    test?.delete();
  }

  drawWeights();
  return { run, reset, loadTrained, destroy };
}
