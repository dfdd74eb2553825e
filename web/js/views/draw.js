// "Draw a digit": a canvas that two networks read live, every animation frame
// that has new ink: a small CNN trained on all of MNIST (the strong reader),
// and the chapter's own 784 -> 10 linear network, whose reading is shown
// pixel by pixel (input x weight) so you can see WHY it says what it says.
//
// One engine.DigitReader per mount does the whole frame in one call:
// preprocessing (the MNIST recipe), the CNN, the linear scores and the two
// contribution maps. The page only paints.
import { createPad } from '../draw/pad.js';
import { drawHtml } from '../draw/template.js';
import { bindPadControls, penWidth } from '../draw/controls.js';
import { createCnnAnswer, createLinearAnswer } from '../draw/answers.js';
import { createPadAnswer } from '../draw/pad-answer.js';
import { loadModels } from '../draw/models.js';
import { paintImage } from '../common/paint.js';
import { timed } from '../common/frame-timing.js';

export function mount(root, { engine, state }) {
  root.innerHTML = drawHtml();
  const el = (sel) => root.querySelector(sel);
  const box = el('.draw');
  const reader = new engine.DigitReader();
  const showCnn = createCnnAnswer(box);
  const showLinear = createLinearAnswer(box);
  const showPinned = createPadAnswer(box);
  let frame = 0;
  let reads = 0;
  let alive = true;

  const schedule = () => { if (!frame && alive) frame = requestAnimationFrame(tick); };
  const pad = createPad(el('canvas.pad'), { width: penWidth(state), onChange: schedule });
  const controls = bindPadControls(box, pad, state);
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
    reads += 1;
    box.dataset.reads = String(reads);
    paintImage(el('.seen-image'), out.hasInk ? out.image : null);
    controls.update();
    box.dataset.state = out.hasInk ? 'reading' : 'empty';
    showCnn(out.hasInk ? out : null);
    showLinear(out.hasInk ? out : null);
    showPinned(out.hasInk ? out : null);
    announce(out.hasInk);
  }

  // Screen readers hear the answer when a stroke ends, not sixty times a second.
  function announce(hasInk) {
    const region = el('.guess-announce');
    if (!hasInk) { region.textContent = ''; return; }
    if (pad.isDrawing()) return;
    const cnn = box.dataset.guess ? `The network reads ${box.dataset.guess}, ${el('.guess-prob').textContent}.` : '';
    const note = box.dataset.confident === 'no' ? ` ${el('.guess-note').textContent}` : '';
    const linear = box.dataset.linear ? ` The chapter's network reads ${box.dataset.linear}.` : '';
    const text = `${cnn}${note}${linear}`.trim();
    if (region.textContent !== text) region.textContent = text;
  }

  // A model arrived (or the view opened): read the drawing again.
  loadModels(box, reader, { alive: () => alive, loaded: () => { if (alive) read(); } });
  read();

  return () => {
    alive = false;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    pad.destroy();
    controls.destroy();
    reader.delete();
  };
}
