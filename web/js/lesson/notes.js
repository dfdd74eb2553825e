// What a learner should notice about the current step: the book's printed
// figures for this step (right ones as a check, wrong ones as errata with the
// correct value from the trace and why), and the errata in the book's code
// for this example. (Divergence is lesson/divergence.js.)
import { fmt } from '../common/format.js';
import { phaseIndex } from '../common/trace.js';
import { escapeHtml as esc } from '../common/dom.js';

const FIELD_PHASE = { weightsBefore: 0, pred: 0, error: 1, delta: 1, weightDeltas: 2, weightsAfter: 3 };

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
