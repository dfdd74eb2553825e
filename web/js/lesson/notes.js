// What a learner should notice about the current step: the book's printed
// figures for this step (right ones as a check, wrong ones as errata with the
// correct value from the trace and why), and the errata in the book's code
// for this example. (Divergence is lesson/divergence.js.)
import { fmt } from '../common/format.js';
import { phaseIndex } from '../common/trace.js';
import { escapeHtml as esc } from '../common/dom.js';
import { bookIndex } from '../common/names.js';
import { isShown } from './reveal.js';

// The book's printed figures for this step that the page shows already
// (`shown`, see reveal.js): one note per figure. A figure the book prints
// wrong anywhere gets only its erratum (with the pages that print it right),
// never a ✓ beside it; the others are listed with a ✓.
export function figuresHtml({ figures, example, trace, it, phase, shown = phaseIndex(phase), isBook, label }) {
  if (!trace.steps) return '';
  const mine = figures.filter((f) => f.example === example && f.iteration === it && isShown(f.field, shown));
  if (!mine.length) return '';
  if (!isBook) {
    return `<p class="note">The book's figures for this step are for its own values; you changed them, so they are hidden.</p>`;
  }
  const n = trace.nIn * trace.nOut;
  const perWeight = (f) => ['weightsBefore', 'weightDeltas', 'weightsAfter'].includes(f.field);
  const value = (f) => trace[f.field][it * (perWeight(f) ? n : trace.nOut) + f.index];
  const name = (f) => `${f.name}${perWeight(f) ? (n > 1 ? bookIndex(f.index, trace.nIn, trace.nOut) : '') : (trace.nOut > 1 ? `[${f.index}]` : '')}`;
  const groups = new Map();
  for (const f of mine) {
    const key = `${f.field}:${f.index}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const wrong = [], right = [];
  for (const group of groups.values()) {
    const bad = group.filter((f) => f.erratum);
    if (!bad.length) { right.push(group[0]); continue; }
    const good = group.filter((f) => !f.erratum).map((f) => `<code>${esc(f.printed)}</code>`);
    wrong.push(`<div class="erratum"><strong>Erratum${label ? ` (${esc(label)})` : ''}:</strong>
      the book prints ${bad.map((f) => `<code>${esc(f.printed)}</code>`).join(' and ')} for <code>${name(group[0])}</code>${good.length
        ? ` (elsewhere it prints ${good.join(', ')}, which is right)` : ''}; the engine gets
      <code>${fmt(value(group[0]))}</code>. ${bad.map((f) => esc(f.erratum)).join(' ')}</div>`);
  }
  return `${wrong.join('')}
    ${right.length ? `<p class="book-check"><span class="check-title">The book prints${label ? ` (${esc(label)})` : ''}:</span>
      ${right.map((f) => `<span class="check"><code>${name(f)}</code> ${esc(f.printed)} <span aria-label="matches">✓</span> ${fmt(value(f))}</span>`).join(' ')}</p>` : ''}`;
}

// Every weight frozen: said plainly where the numbers are.
export function frozenAllHtml(problem) {
  const frozen = Array.from(problem.frozen);
  if (!frozen.length || !frozen.every((f) => f === 1)) return '';
  return `<div class="banner frozen-all" role="note"><strong>Every weight is frozen: nothing can learn.</strong>
    Each weight_delta is forced to 0, so no weight moves, the prediction and the error stay the same at every
    step. Click a weight on the diagram (or untick its freeze box under "Play with it") to let it learn again.</div>`;
}

export function codeErrataHtml(errata, examples) {
  const mine = errata.filter((e) => examples.includes(e.example));
  if (!mine.length) return '';
  return `<h3>In the book's code</h3>${mine.map((e) => `<div class="erratum"><strong>Erratum:</strong>
      the book has <code>${esc(e.book)}</code>; it should be <code>${esc(e.correct)}</code>. ${esc(e.why)}</div>`).join('')}`;
}
