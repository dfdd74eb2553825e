// The readings of a drawing on the page. The chapter's linear network leads:
// its digit, its score, the verdict when the engine gives one, its ten bars.
// The CNN is beside it, "a stronger reader, beyond this chapter": its digit,
// how sure, a note when the drawing is no digit at all, its ten bars. Bars of
// either are buttons that pick a digit for the "why" maps (why.js). Each
// writes its answer onto the view's box as data attributes (linear, guess,
// confident), which the sentence read aloud is made from.
import { createBars } from './readout.js';
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
  if (out.verdict === 'not a digit') return 'Not a digit: no digit stands out for it.';
  if (out.probs[top] < SURE) return `Low confidence: not sure, ${top} or ${second}?`;
  return '';
}

// The engine's verdict on the drawing, in words (a reading without one says nothing).
const VERDICTS = {
  digit: 'It looks like a digit.',
  'not a digit': 'That does not look like a digit.',
  empty: 'Nothing is drawn.',
};
export function verdictText(out) {
  if (!out || typeof out.verdict !== 'string' || !Object.hasOwn(VERDICTS, out.verdict)) return '';
  const score = typeof out.notDigit === 'number' ? ` (not-a-digit score ${fixed2(out.notDigit)})` : '';
  return `${VERDICTS[out.verdict]}${out.verdict === 'empty' ? '' : score}`;
}

export function createCnnAnswer(box, { onPick }) {
  const el = (sel) => box.querySelector(sel);
  const bars = createBars(el('.bars-cnn'), { label: 'CNN probabilities; each a button that shows a map', format: probability, onPick });
  // out: the engine's reading of a drawing with ink, or null for an empty pad.
  return {
    pick: (d) => bars.pick(d),
    show(out) {
      if (!out || !out.probs) {  // an empty pad, or no model (yet)
        if (out) box.dataset.guess = ''; else delete box.dataset.guess;
        delete box.dataset.confident;
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
    },
  };
}

export function createLinearAnswer(box, { onPick }) {
  const el = (sel) => box.querySelector(sel);
  const bars = createBars(el('.bars-linear'), { label: "The chapter's network's scores; each a button that shows its map", format: fixed2, onPick });
  return {
    pick: (d) => bars.pick(d),
    // out: the engine's reading of a drawing with ink, or null for an empty pad.
    show(out) {
      const verdict = el('.verdict');
      verdict.textContent = verdictText(out);
      verdict.hidden = verdict.textContent === '';
      if (out?.verdict) box.dataset.verdict = out.verdict; else delete box.dataset.verdict;
      if (!out || !out.linear) {
        delete box.dataset.linear;
        bars.update(null);
        el('.linear-digit').textContent = '';
        el('.linear-score').textContent = '';
        el('.linear-says').textContent = out ? '' : 'Waiting for a drawing.';
        return;
      }
      const top = out.linearTop;
      const second = out.linearRunnerUp;
      box.dataset.linear = String(top);
      el('.linear-digit').textContent = String(top);
      el('.linear-score').textContent = `score ${fixed2(out.linear[top])}`;
      el('.linear-says').textContent = `Next: ${second}, score ${fixed2(out.linear[second])}.`;
      bars.update(out.linear, { min: Math.min(0, ...out.linear), max: Math.max(1, ...out.linear), highlight: top });
    },
  };
}
