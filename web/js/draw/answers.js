// The two readings of a drawing on the page: the CNN's answer (its digit,
// how sure, a note when the drawing is no digit at all, its ten bars) and
// the chapter's linear network (its digit, its ten scores and, for its two
// highest, the pixel x weight maps). Each writes its answer onto the view's
// box as data attributes (guess, confident, linear), which the sentence read
// aloud is made from.
import { createBars } from './readout.js';
import { paintSigned, PIXELS } from '../common/paint.js';
import { fixed2, probability } from '../common/format.js';
import { rank } from '../common/rank.js';
import { UNITS } from './pad.js';

const SURE = 0.7;   // a top probability below this is "not sure"

// A dot is too small to be a digit, a pad covered in ink is a scribble:
// either way the answer is a guess.
function doubt(out, top, second) {
  const side = Math.max(out.box.width, out.box.height) / UNITS;
  const cover = out.inkPixels / (UNITS * UNITS);
  if (side < 0.12) return 'Low confidence: that is too small to be a digit (a dot?). Draw it bigger.';
  if (cover > 0.3) return 'Low confidence: that is a lot of ink, more a scribble than a digit.';
  if (out.probs[top] < SURE) return `Low confidence: not sure, ${top} or ${second}?`;
  return '';
}

export function createCnnAnswer(box) {
  const el = (sel) => box.querySelector(sel);
  const bars = createBars(el('.bars-cnn'), { label: 'CNN probabilities', format: probability });
  // out: the engine's reading of a drawing with ink, or null for an empty pad.
  return function show(out) {
    if (!out) {
      delete box.dataset.guess;
      delete box.dataset.confident;
      bars.update(null);
      return;
    }
    if (!out.probs) {  // no model (yet)
      box.dataset.guess = '';
      el('.guess-digit').textContent = '';
      el('.guess-prob').textContent = '';
      el('.guess-note').textContent = '';
      bars.update(null);
      return;
    }
    const [top, second] = rank(out.probs);
    const note = doubt(out, top, second);
    box.dataset.guess = String(top);
    box.dataset.confident = note ? 'no' : 'yes';
    el('.guess').classList.toggle('unsure', note !== '');
    el('.guess-digit').textContent = String(top);
    el('.guess-prob').textContent = `${probability(out.probs[top])} sure`;
    el('.guess-note').textContent = note || `Next best: ${second} (${probability(out.probs[second])})`;
    bars.update(out.probs, { min: 0, max: 1, highlight: top });
  };
}

export function createLinearAnswer(box) {
  const el = (sel) => box.querySelector(sel);
  const bars = createBars(el('.bars-linear'), { label: 'Linear network scores', format: fixed2 });
  const maps = [['.why-top', 'contribTop', 'linearTop', 'top'], ['.why-second', 'contribRunnerUp', 'linearRunnerUp', 'second']];
  // out: the engine's reading of a drawing with ink, or null for an empty pad.
  return function show(out) {
    if (!out) {
      delete box.dataset.linear;
      bars.update(null);
      el('.linear-says').textContent = 'Waiting for a drawing.';
      for (const [sel, , , place] of maps) {
        paintSigned(el(sel), null, 1);
        el(`${sel}-caption`).textContent = '';
        el(sel).setAttribute('aria-label', `Contributions of each pixel to the ${place} score: nothing drawn yet`);
      }
      return;
    }
    if (!out.linear) {  // no model (yet)
      bars.update(null);
      return;
    }
    const top = out.linearTop;
    const second = out.linearRunnerUp;
    box.dataset.linear = String(top);
    el('.linear-says').innerHTML = `It reads <strong class="linear-digit">${top}</strong>
      (score ${fixed2(out.linear[top])}; next: ${second}, ${fixed2(out.linear[second])}).`;
    bars.update(out.linear, { min: Math.min(0, ...out.linear), max: Math.max(1, ...out.linear), highlight: top });
    // One scale for both maps, so they compare; square-root colour keeps faint pixels visible.
    let limit = 0;
    for (let i = 0; i < PIXELS; i++) limit = Math.max(limit, Math.abs(out.contribTop[i]), Math.abs(out.contribRunnerUp[i]));
    for (const [sel, field, digit] of maps) {
      paintSigned(el(sel), out[field], limit, { gamma: 0.5 });
      el(`${sel}-caption`).textContent = `for ${out[digit]}: sum = ${fixed2(out.linear[out[digit]])}`;
      el(sel).setAttribute('aria-label', `Contributions of each pixel to the score of ${out[digit]}`);
    }
  };
}
