// "Draw a digit": a canvas that the chapter's own 784 -> 10 linear network
// reads live, every animation frame that has new ink, with a small CNN beside
// it (a stronger reader, beyond the chapter). Any digit's bar, in either
// chart, opens that digit's pixel x weight map and "why A and not B" (why.js);
// the learner can say which digit they drew and watch the chapter's step
// teach the network their handwriting (teach.js).
//
// One engine.DigitReader per mount does the whole frame in one call:
// preprocessing (the MNIST recipe), the CNN, the linear scores; the maps, the
// teaching and the counts are one engine call each. The page only paints.
import { createPad } from '../draw/pad.js';
import { drawHtml } from '../draw/template.js';
import { bindPadControls, penWidth } from '../draw/controls.js';
import { createCnnAnswer, createLinearAnswer } from '../draw/answers.js';
import { announceReading, pickDigit } from '../draw/announce.js';
import { createWhy } from '../draw/why.js';
import { createTeach } from '../draw/teach.js';
import { createPadAnswer } from '../draw/pad-answer.js';
import { loadModels } from '../draw/models.js';
import { paintImage } from '../common/paint.js';
import { timed } from '../common/frame-timing.js';

export function mount(root, { engine, state }) {
  root.innerHTML = drawHtml();
  const el = (sel) => root.querySelector(sel);
  const box = el('.draw');
  const reader = new engine.DigitReader();
  const why = createWhy(box, reader);
  const pick = (source) => (d) => pickDigit(box, { why, linear, cnn }, source, d);
  const linear = createLinearAnswer(box, { onPick: pick('linear') });
  const cnn = createCnnAnswer(box, { onPick: pick('cnn') });
  const showPinned = createPadAnswer(box);
  let frame = 0;
  let reads = 0;
  let alive = true;
  let last = null;

  const schedule = () => { if (!frame && alive) frame = requestAnimationFrame(tick); };
  const pad = createPad(el('canvas.pad'), { width: penWidth(state), onChange: schedule });
  const controls = bindPadControls(box, pad, state);
  const teach = createTeach(box, { reader, state, reading: () => last, reread: () => read() });
  // One subscription for the view (the pen width and alpha live in the state).
  const unsubscribe = state.subscribe((_, changed) => {
    controls.onState(changed);
    teach.onState(changed);
  });
  // A frame with new ink reads the drawing; one without has nothing to do.
  const tick = timed(() => {
    frame = 0;
    if (!pad.flush()) return false;
    read();
    return true;
  });

  function read() {
    let out;
    try {
      const pixels = pad.imageData();
      out = reader.read(pixels.data, pixels.width, pixels.height);
    } catch (error) {
      el('.model-message').textContent = `Could not read the drawing: ${error.message}`;
      return;
    }
    last = out;
    reads += 1;
    box.dataset.reads = String(reads);
    paintImage(el('.seen-image'), out.hasInk ? out.image : null);
    controls.update();
    box.dataset.state = out.hasInk ? 'reading' : 'empty';
    const shown = out.hasInk ? out : null;
    linear.show(shown);
    cnn.show(shown);
    why.show(shown);
    showPinned(shown);
    teach.update(out);
    announceReading(box, pad, out);
  }

  // A model arrived (or the view opened): read the drawing again. Once the
  // chapter's network is in, the learner's stored digits are learned again.
  const models = loadModels(box, reader, { alive: () => alive, loaded: () => { if (alive) read(); } });
  models.linear.then(async () => {
    if (!alive || !reader.hasLinear()) return;
    await teach.start();
    if (alive) read();
  });
  read();

  return () => {
    alive = false;
    unsubscribe();
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    pad.destroy();
    controls.destroy();
    why.destroy();
    teach.destroy();
    reader.delete();
  };
}
