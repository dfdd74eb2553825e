// "Draw a digit": a canvas that two networks read live, every animation frame
// that has new ink: a small CNN trained on all of MNIST (the strong reader),
// and the chapter's own 784 -> 10 linear network, whose reading is shown
// pixel by pixel (input x weight) so you can see WHY it says what it says.
//
// One engine.DigitReader per mount does the whole frame in one call:
// preprocessing (the MNIST recipe), the CNN, the linear scores and the two
// contribution maps. The page only paints.
import { createPad, UNITS } from '../draw/pad.js';
import { createBars } from '../draw/readout.js';
import { paintImage, paintSigned, PIXELS } from '../common/paint.js';
import { fetchBytes, CNN_MODEL_URL, LINEAR_MODEL_URL } from '../common/fetch.js';
import { rank } from '../common/rank.js';

const PEN_MIN = 6;
const PEN_MAX = 40;
const PEN_DEFAULT = 18;
const SURE = 0.7;   // a top probability below this is "not sure"

const fixed2 = (v) => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2);
const pct = (p) => `${(p * 100).toFixed(p >= 0.995 || p < 0.005 ? 0 : 1)}%`.replace('100.0', '100');

export function mount(root, { engine, state }) {
  root.innerHTML = `
  <div class="draw" data-state="empty" data-reads="0">
    <h1>Draw a digit</h1>
    <p class="draw-lede">Draw any digit from 0 to 9. Two networks read it while you draw: a small
    convolutional network trained on all 60,000 MNIST digits, and the chapter's own network, 784 pixel
    inputs wired straight to 10 outputs. For the chapter's network you can see why: every pixel's
    input times its weight, added up, is the score.</p>
    <div class="draw-grid">
      <section class="panel draw-pad" aria-labelledby="draw-pad-title">
        <h2 id="draw-pad-title" class="sr-only">Drawing area</h2>
        <div class="pad-wrap">
          <canvas class="pad" tabindex="0" role="img"
            aria-label="Drawing area. Draw a digit with a mouse, finger or pen. Backspace or Control Z undoes the last stroke; Escape or Delete clears."></canvas>
          <p class="pad-invite" aria-hidden="true">Draw a digit here</p>
        </div>
        <div class="pad-tools">
          <label class="pad-width">Pen <input type="range" min="${PEN_MIN}" max="${PEN_MAX}" step="1" aria-label="Pen width">
            <output class="pad-width-value"></output></label>
          <span class="pad-buttons">
            <button type="button" class="pad-undo">Undo</button>
            <button type="button" class="pad-clear">Clear</button>
          </span>
        </div>
        <p class="pad-keys">Keys on the canvas: <kbd>Backspace</kbd> or <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo,
        <kbd>Esc</kbd> or <kbd>Delete</kbd> clear.</p>
      </section>

      <section class="panel draw-answer" aria-labelledby="draw-answer-title">
        <h2 id="draw-answer-title">The answer</h2>
        <div class="answer-top">
          <figure class="seen">
            <canvas class="seen-image pixelated" width="28" height="28" role="img"
              aria-label="The 28 by 28 image the networks see"></canvas>
            <figcaption>The 28×28 the networks see</figcaption>
          </figure>
          <p class="sr-only guess-announce" aria-live="polite"></p>
          <div class="guess">
            <p class="guess-invite">Draw a digit and the network will read it here.</p>
            <p class="guess-line"><span class="guess-digit"></span><span class="guess-prob"></span></p>
            <p class="guess-note"></p>
          </div>
        </div>
        <p class="model-message" role="status"></p>
        <h3 class="bars-title">CNN: probability of each digit</h3>
        <div class="bars-cnn"></div>
      </section>

      <section class="panel draw-linear" aria-labelledby="draw-linear-title">
        <h2 id="draw-linear-title">The chapter's network</h2>
        <p class="linear-says"></p>
        <p class="linear-message" role="status"></p>
        <h3 class="bars-title">Its ten scores (weighted sums)</h3>
        <div class="bars-linear"></div>
        <p class="draw-small">784 inputs, 10 outputs, no hidden layer: each score is one weighted sum of the
        pixels, trained with the chapter's gradient descent (about 80% right on MNIST's test digits).</p>
      </section>

      <section class="panel draw-why" aria-labelledby="draw-why-title">
        <h2 id="draw-why-title">Why: pixel × weight</h2>
        <p class="draw-small">Each pixel of the 28×28 times its weight for a digit. <span class="key-pos">Blue</span>
        pixels push that digit's score up, <span class="key-neg">orange</span> ones pull it down; the
        score is the sum of them all.</p>
        <div class="why-maps">
          <figure class="why-map">
            <canvas class="why-top pixelated" width="28" height="28" role="img"></canvas>
            <figcaption class="why-top-caption"></figcaption>
          </figure>
          <figure class="why-map">
            <canvas class="why-second pixelated" width="28" height="28" role="img"></canvas>
            <figcaption class="why-second-caption"></figcaption>
          </figure>
          <p class="draw-small why-note">These are the two digits the chapter's network scores highest.
          A pixel without ink adds nothing, whatever its weight: the network can only weigh ink where it
          finds it. That is why a digit drawn in an unusual style or shape fools it easily, and the
          convolutional network, which looks for small strokes and shapes wherever they are, much less.</p>
        </div>
        <div class="why-legend" aria-hidden="true"><span>pulls down</span><span class="why-ramp"></span><span>pushes up</span></div>
      </section>

      <section class="panel draw-recipe" aria-labelledby="draw-recipe-title">
        <h2 id="draw-recipe-title">What the networks see</h2>
        <p class="draw-small">Before either network looks, your drawing is made into an MNIST digit:
        the box around the ink is shrunk until its longer side is 20 pixels, then placed in a 28×28 square so
        that the ink's centre of mass sits in the middle, and the brightest pixel is set to 1. That is how
        MNIST's own digits were prepared, so the networks see your drawing the way they saw the digits they
        learned from.</p>
      </section>
    </div>
  </div>`;

  const el = (sel) => root.querySelector(sel);
  const box = el('.draw');
  const canvas = el('canvas.pad');
  const widthInput = el('.pad-width input');
  const widthValue = el('.pad-width-value');
  const cnnBars = createBars(el('.bars-cnn'), { label: 'CNN probabilities', format: pct });
  const linearBars = createBars(el('.bars-linear'), {
    label: 'Linear network scores', format: fixed2,
  });

  const reader = new engine.DigitReader();
  let frame = 0;
  let reads = 0;
  let alive = true;

  const penWidth = () => Math.min(PEN_MAX, Math.max(PEN_MIN, Math.round(state.number('pen', PEN_DEFAULT))));
  const pad = createPad(canvas, { width: penWidth(), onChange: schedule });

  function syncWidth() {
    const w = penWidth();
    widthInput.value = String(w);
    widthValue.textContent = `${w}`;
    pad.setWidth(w);
  }
  syncWidth();

  function schedule() {
    if (!frame && alive) frame = requestAnimationFrame(tick);
  }

  let slowest = 0;  // the longest frame's work so far, ms (data-slowest, for the tests)
  const work = [];  // each frame's work, ms (the first 2,000 frames; box.frameWork, for the tests)
  box.frameWork = work;
  function tick() {
    frame = 0;
    const t0 = performance.now();
    if (!pad.flush()) return;
    read();
    const took = performance.now() - t0;
    slowest = Math.max(slowest, took);
    box.dataset.slowest = slowest.toFixed(1);
    if (work.length < 2000) work.push(took);
  }

  function read() {
    let out;
    try {
      const pixels = pad.imageData();
      out = reader.read(pixels.data, pixels.width, pixels.height);
    } catch (error) {
      el('.model-message').textContent = `Could not read the drawing: ${error.message}`;
      return;
    }
    reads += 1;
    render(out);
  }

  function render(out) {
    box.dataset.reads = String(reads);
    paintImage(el('.seen-image'), out.hasInk ? out.image : null);
    el('.pad-undo').disabled = pad.strokeCount() === 0;
    el('.pad-clear').disabled = pad.strokeCount() === 0;
    if (!out.hasInk) {
      el('.guess-announce').textContent = '';
      box.dataset.state = 'empty';
      delete box.dataset.guess;
      delete box.dataset.linear;
      delete box.dataset.confident;
      cnnBars.update(null);
      linearBars.update(null);
      el('.linear-says').textContent = 'Waiting for a drawing.';
      paintSigned(el('.why-top'), null, 1);
      paintSigned(el('.why-second'), null, 1);
      el('.why-top-caption').textContent = '';
      el('.why-second-caption').textContent = '';
      return;
    }
    box.dataset.state = 'reading';
    renderCnn(out);
    renderLinear(out);
    announce();
  }

  // Screen readers hear the answer when a stroke ends, not sixty times a second.
  function announce() {
    if (pad.isDrawing()) return;
    const cnn = box.dataset.guess ? `The network reads ${box.dataset.guess}, ${el('.guess-prob').textContent}.` : '';
    const note = box.dataset.confident === 'no' ? ` ${el('.guess-note').textContent}` : '';
    const linear = box.dataset.linear ? ` The chapter's network reads ${box.dataset.linear}.` : '';
    const text = `${cnn}${note}${linear}`.trim();
    const region = el('.guess-announce');
    if (region.textContent !== text) region.textContent = text;
  }

  function renderCnn(out) {
    if (!out.probs) {
      box.dataset.guess = '';
      el('.guess-digit').textContent = '';
      el('.guess-prob').textContent = '';
      el('.guess-note').textContent = '';
      cnnBars.update(null);
      return;
    }
    const [top, second] = rank(out.probs);
    const p = out.probs[top];
    // How much ink, and how it is spread: a dot is too small to be a digit,
    // a pad covered in ink is a scribble. Either way the answer is a guess.
    const side = Math.max(out.box.width, out.box.height) / UNITS;
    const cover = out.inkPixels / (UNITS * UNITS);
    let note = '';
    if (side < 0.12) note = 'Low confidence: that is too small to be a digit (a dot?). Draw it bigger.';
    else if (cover > 0.3) note = 'Low confidence: that is a lot of ink, more a scribble than a digit.';
    else if (p < SURE) note = `Low confidence: not sure, ${top} or ${second}?`;
    const confident = note === '';
    box.dataset.guess = String(top);
    box.dataset.confident = confident ? 'yes' : 'no';
    el('.guess').classList.toggle('unsure', !confident);
    el('.guess-digit').textContent = String(top);
    el('.guess-prob').textContent = `${pct(p)} sure`;
    el('.guess-note').textContent = confident ? `Next best: ${second} (${pct(out.probs[second])})` : note;
    cnnBars.update(out.probs, { min: 0, max: 1, highlight: top });
  }

  function renderLinear(out) {
    if (!out.linear) {
      linearBars.update(null);
      return;
    }
    const top = out.linearTop;
    const second = out.linearRunnerUp;
    box.dataset.linear = String(top);
    el('.linear-says').innerHTML = `It reads <strong class="linear-digit">${top}</strong>
      (score ${fixed2(out.linear[top])}; next: ${second}, ${fixed2(out.linear[second])}).`;
    const lo = Math.min(0, ...out.linear);
    const hi = Math.max(1, ...out.linear);
    linearBars.update(out.linear, { min: lo, max: hi, highlight: top });
    let limit = 0;
    for (let i = 0; i < PIXELS; i++) {
      limit = Math.max(limit, Math.abs(out.contribTop[i]), Math.abs(out.contribRunnerUp[i]));
    }
    // One scale for both maps, so they compare; square-root colour keeps faint pixels visible.
    paintSigned(el('.why-top'), out.contribTop, limit, { gamma: 0.5 });
    paintSigned(el('.why-second'), out.contribRunnerUp, limit, { gamma: 0.5 });
    el('.why-top-caption').textContent = `for ${top}: sum = ${fixed2(out.linear[top])}`;
    el('.why-second-caption').textContent = `for ${second}: sum = ${fixed2(out.linear[second])}`;
    el('.why-top').setAttribute('aria-label', `Contributions of each pixel to the score of ${top}`);
    el('.why-second').setAttribute('aria-label', `Contributions of each pixel to the score of ${second}`);
  }

  // ---- controls
  const onWidth = () => state.set({ pen: widthInput.value });
  const onUndo = () => pad.undo();
  const onClear = () => pad.clear();
  const onKey = (event) => {
    const undo = event.key === 'Backspace' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z');
    const clear = event.key === 'Escape' || event.key === 'Delete';
    if (!undo && !clear) return;
    event.preventDefault();
    if (undo) pad.undo(); else pad.clear();
  };
  widthInput.addEventListener('input', onWidth);
  el('.pad-undo').addEventListener('click', onUndo);
  el('.pad-clear').addEventListener('click', onClear);
  canvas.addEventListener('keydown', onKey);
  const unsubscribe = state.subscribe((_, changed) => { if (changed.includes('pen')) syncWidth(); });

  // ---- models, fetched when the view opens (the bytes through the page's one cache)
  async function load(url, what, key, apply, ready, messageEl) {
    try {
      const bytes = await fetchBytes(url);
      if (!alive) return;
      apply(bytes);
      messageEl.textContent = '';
    } catch (error) {
      if (!alive) return;
      messageEl.textContent = `The ${what} could not be loaded (${error.message}). You can still draw.`;
      messageEl.classList.add('error');
    }
    box.dataset[key] = ready() ? 'ready' : 'failed';
    forceRead();
  }
  function forceRead() {  // a model arrived (or the view opened): read the drawing again
    if (alive) read();
  }
  el('.model-message').textContent = 'Loading the digit network…';
  load(CNN_MODEL_URL, 'digit network', 'cnnModel',
    (b) => reader.loadModel(b), () => reader.hasModel(), el('.model-message'));
  load(LINEAR_MODEL_URL, "chapter's network", 'linearModel',
    (b) => reader.loadLinear(b), () => reader.hasLinear(), el('.linear-message'));
  forceRead();

  return () => {
    alive = false;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    pad.destroy();
    unsubscribe();
    widthInput.removeEventListener('input', onWidth);
    el('.pad-undo').removeEventListener('click', onUndo);
    el('.pad-clear').removeEventListener('click', onClear);
    canvas.removeEventListener('keydown', onKey);
    reader.delete();
  };
}
