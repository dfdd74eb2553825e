// What a learner should notice about the current step: a diverged or
// overflowed run, the book's printed figures for this step (right ones as a
// check, wrong ones as errata with the correct value from the trace and why),
// and the errata in the book's code for this example.
import { fmt } from '../common/format.js';
import { phaseIndex, iterationOf } from '../common/trace.js';
import { escapeHtml as esc } from '../common/dom.js';

const FIELD_PHASE = { weightsBefore: 0, pred: 0, error: 1, delta: 1, weightDeltas: 2, weightsAfter: 3 };

export function divergenceHtml({ trace, problem, inputNames, label }) {
  const parts = [];
  if (trace.divergedAt >= 0 && trace.steps > 0) {
    const d = trace.divergedAt;
    let big = 0;
    problem.input.forEach((x, i) => { if (Math.abs(x) > Math.abs(problem.input[big])) big = i; });
    // The error's growth in the step where it started, when both errors are in the trace.
    let growth = '';
    if (d >= 1 && d < trace.steps) {
      const before = iterationOf(trace, d - 1).totalError, after = iterationOf(trace, d).totalError;
      growth = `: ${fmt(before)} → ${fmt(after)}${before > 0 ? `, ×${fmt(after / before, 3)} in one step` : ''}`;
    }
    parts.push(`<div class="banner diverged"><strong>${label ? `${esc(label)}: diverged.` : 'Diverged.'}</strong>
      From iteration ${d + 1} on the error grows instead of shrinking${growth}.
      Input <b>${esc(inputNames[big])}</b> = ${fmt(problem.input[big])} is large, so its weight_delta is large and
      alpha × weight_delta jumps right over the bottom of the error bowl, landing higher on the other side; each
      step overshoots by more. A smaller alpha (the book's 0.01) converges.</div>`);
  }
  if (trace.overflowed) {
    parts.push(`<div class="banner overflowed"><strong>Overflow.</strong> ${trace.steps
      ? `The numbers grew too large to represent after ${trace.steps} finite step${trace.steps === 1 ? '' : 's'}; only those are shown.`
      : 'The very first step already gives numbers too large to represent, so there is no step to show. Try smaller values.'}</div>`);
  }
  return parts.join('');
}

export function figuresHtml({ figures, example, trace, it, phase, isBook, label }) {
  if (!trace.steps) return '';
  const p = phaseIndex(phase);
  const mine = figures.filter((f) => f.example === example && f.iteration === it && FIELD_PHASE[f.field] <= p);
  if (!mine.length) return '';
  if (!isBook) {
    return `<p class="note">The book's figures for this step are for its own values; you changed them, so they are hidden.</p>`;
  }
  const n = trace.nIn * trace.nOut;
  const perIt = (f) => (['weightsBefore', 'weightDeltas', 'weightsAfter'].includes(f.field) ? n : trace.nOut);
  const value = (f) => trace[f.field][it * perIt(f) + f.index];
  const name = (f) => `${f.name}${perIt(f) > 1 ? `[${f.index}]` : ''}`;
  const wrong = mine.filter((f) => f.erratum);
  const right = mine.filter((f) => !f.erratum);
  return `${wrong.map((f) => `<div class="erratum"><strong>Erratum${label ? ` (${esc(label)})` : ''}:</strong>
      the book prints <code>${esc(f.printed)}</code> for <code>${name(f)}</code>; the engine gets
      <code>${fmt(value(f))}</code>. ${esc(f.erratum)}</div>`).join('')}
    ${right.length ? `<p class="book-check"><span class="check-title">The book prints${label ? ` (${esc(label)})` : ''}:</span>
      ${right.map((f) => `<span class="check"><code>${name(f)}</code> ${esc(f.printed)} <span aria-label="matches">✓</span> ${fmt(value(f))}</span>`).join(' ')}</p>` : ''}`;
}

export function codeErrataHtml(errata, examples) {
  const mine = errata.filter((e) => examples.includes(e.example));
  if (!mine.length) return '';
  return `<h3>In the book's code</h3>${mine.map((e) => `<div class="erratum"><strong>Erratum:</strong>
      the book has <code>${esc(e.book)}</code>; it should be <code>${esc(e.correct)}</code>. ${esc(e.why)}</div>`).join('')}`;
}
