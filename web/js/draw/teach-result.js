// What one teaching step did, on the page: the sentence (score, rank, what
// happened to every delta), the ten scores before/after and delta, and that
// digit's weight image before, after and changed. Every number is the engine's
// (reader.teach's result).
import { paintSigned, maxAbs } from '../common/paint.js';
import { fixed2 } from '../common/format.js';

export const alphaText = (a) => String(Number(a.toPrecision(2)));
// Two decimals without the leading zero (-.07, .58, 1.20): ten columns fit a phone.
const short = (v) => fixed2(v).replace(/^(-?)0\./, '$1.');
const ordinal = (n) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

// What the step did to every delta: it is multiplied by shrink = 1 − alpha × Σpixel².
export function shrinkText(t) {
  const s = `1 − alpha × Σpixel² = ${fixed2(t.shrink)}`;
  const limit = `this drawing's limit, 2 / Σpixel² = ${alphaText(2 / t.sumSquares)}`;
  if (t.shrink >= 0) return `Every delta shrank: times ${s}.`;
  if (t.shrink > -1) return `Every delta flipped sign but shrank: times ${s} (alpha is past 1 / Σpixel², under ${limit}).`;
  return `Every delta grew and flipped sign: times ${s}. alpha is above ${limit}; teaching this drawing again overshoots further.`;
}

// Why a step diverged: alpha past this drawing's limit, or earlier steps
// that overshot (then any step diverges until Reset).
export function divergedText(t) {
  if (t.shrink <= -1) return `alpha is above this drawing's limit, 2 / Σpixel² = ${alphaText(2 / t.sumSquares)}: take a smaller one.`;
  return 'Earlier steps overshot and the scores are far off: Reset gives back the trained weights.';
}

export function showResult(box, t) {
  const el = (sel) => box.querySelector(sel);
  el('.teach-summary').innerHTML = `Taught a <strong>${t.label}</strong> at alpha ${alphaText(t.alpha)}: its score
    ${fixed2(t.before[t.label])} → <strong>${fixed2(t.after[t.label])}</strong>, ${ordinal(t.rankBefore)} → ${ordinal(t.rankAfter)} of ten;
    it now reads <strong class="teach-reads">${t.topAfter}</strong>. ${shrinkText(t)}`;
  for (const [row, values] of [['.t-before', t.before], ['.t-delta', t.delta], ['.t-after', t.after]]) {
    el(row).querySelectorAll('td').forEach((td, d) => {
      td.textContent = short(values[d]);
      td.title = fixed2(values[d]);
      td.classList.toggle('is-label', d === t.label);
    });
  }
  el('.t-digit').querySelectorAll('th[scope="col"]').forEach((th, d) => th.classList.toggle('is-label', d === t.label));
  const scale = Math.max(maxAbs(t.rowBefore), maxAbs(t.rowAfter));
  paintSigned(el('.row-before'), t.rowBefore, scale);
  paintSigned(el('.row-after'), t.rowAfter, scale);
  paintSigned(el('.row-change'), t.rowChange, maxAbs(t.rowChange));
  el('.row-before-caption').textContent = `${t.label}'s weights before`;
  el('.teach-detail').hidden = false;
  box.dataset.taught = String(t.label);
  box.dataset.teachScore = String(t.after[t.label]);
  box.dataset.teachRank = String(t.rankAfter);
  box.dataset.teachRankBefore = String(t.rankBefore);
}
