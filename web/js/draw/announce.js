// What screen readers hear on the Draw page (the .guess-announce live region):
// the answer when a stroke ends, not sixty times a second, and a tapped bar's
// maps once (the maps themselves change every frame, silently).
import { verdictText } from './answers.js';

export function announceReading(box, pad, out) {
  const el = (sel) => box.querySelector(sel);
  const region = el('.guess-announce');
  if (!out.hasInk) { region.textContent = ''; return; }
  if (pad.isDrawing()) return;
  const ours = box.dataset.linear ? `The chapter's network reads ${box.dataset.linear}.` : '';
  const verdict = verdictText(out);
  const strong = box.dataset.guess ? ` The stronger network reads ${box.dataset.guess}, ${el('.guess-prob').textContent}.` : '';
  const note = box.dataset.confident === 'no' ? ` ${el('.guess-note').textContent}` : '';
  const text = `${ours}${verdict ? ` ${verdict}` : ''}${strong}${note}`.trim();
  if (region.textContent !== text) region.textContent = text;
}

// A bar of the `source` chart ('linear' or 'cnn') was tapped: digit d's maps
// (why.js), the bar marked in its chart only, the maps in view and said once.
export function pickDigit(box, { why, linear, cnn }, source, d) {
  const el = (sel) => box.querySelector(sel);
  why.pick(d, source);
  linear.pick(source === 'linear' ? d : -1);
  cnn.pick(source === 'cnn' ? d : -1);
  el('.why').scrollIntoView({ block: 'nearest' });
  el('.guess-announce').textContent = `${el('.why-pick-caption').textContent}. ${el('.why-diff-caption').textContent}.`;
}
