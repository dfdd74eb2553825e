// The numbers of the current iteration, as two small tables: one row per
// output (target, pred, error, delta) and one row per weight (input, weight,
// weight_delta, new weight). A value its phase has not computed yet is absent
// (a "?" read as "not computed yet"), the current phase's cells are
// highlighted, and in predict-then-check mode an open phase's cells hold the
// learner's guesses (inputs) instead of the values.
import { fmtHtml } from '../common/format.js';
import { phaseIndex } from '../common/trace.js';
import { weightNames, bookIndex } from '../common/names.js';
import { escapeHtml as esc } from '../common/dom.js';
import { FIELD_PHASE, NOT_YET } from './reveal.js';
import { htmlPatcher } from './text-patch.js';

const OUT_FIELDS = ['pred', 'error', 'delta'];
const W_FIELDS = ['weightDeltas', 'weightsAfter'];

export function createNumbers(container, { inputNames, outputNames, caption }) {
  const names = weightNames(inputNames, outputNames);
  const nIn = inputNames.length;
  const nOut = outputNames.length;
  const idx = (w) => (nOut > 1 ? ` <span class="idx">${bookIndex(w, nIn, nOut)}</span>` : '');
  const wrap = document.createElement('div');
  wrap.className = 'numbers-wrap';
  wrap.innerHTML = `
    <table class="numbers outputs">
      <caption>${caption}: outputs</caption>
      <thead><tr><th scope="col">output</th><th scope="col">target</th><th scope="col" data-ph="0">pred</th>
        <th scope="col" data-ph="1">error</th><th scope="col" data-ph="1">delta</th></tr></thead>
      <tbody>${outputNames.map((n) => `<tr><th scope="row">${n}</th><td></td>${OUT_FIELDS.map((f) =>
        `<td class="val" data-ph="${FIELD_PHASE[f]}" data-field="${f}"></td>`).join('')}</tr>`).join('')}</tbody>
    </table>
    <table class="numbers weights">
      <caption>${caption}: weights${nIn > 1 && nOut > 1 ? ' <span class="idx">weights[output][input], as the book indexes them</span>' : ''}</caption>
      <thead><tr><th scope="col">weight</th><th scope="col">input</th><th scope="col">weight</th>
        <th scope="col" data-ph="2">weight_<wbr>delta</th><th scope="col" data-ph="3">new weight</th></tr></thead>
      <tbody>${names.map((n, w) => `<tr><th scope="row">${n}${idx(w)}<span class="frozen-tag"></span></th><td></td><td></td>${W_FIELDS.map((f) =>
        `<td class="val" data-ph="${FIELD_PHASE[f]}" data-field="${f}"></td>`).join('')}</tr>`).join('')}</tbody>
    </table>`;
  container.append(wrap);
  const outRows = [...wrap.querySelectorAll('.outputs tbody tr')];
  const wRows = [...wrap.querySelectorAll('.weights tbody tr')];
  const phCells = [...wrap.querySelectorAll('[data-ph]')].map((c) => [c, Number(c.dataset.ph)]);
  // What each cell shows (not in a data- attribute: writing one per frame
  // costs a style recalculation); a drag frame writes only the numbers that
  // changed, into the text nodes already there (text-patch.js).
  const setHtml = htmlPatcher();
  const setText = (el, text) => { if (el.textContent !== text) el.textContent = text; };

  // One value cell: the number once shown, a guess field while open, else "?".
  function cell(td, field, k, label, { values, shown, open, guesses, panel }) {
    const ph = FIELD_PHASE[field];
    const mark = guesses?.get(`${panel}:${field}:${k}`);
    td.classList.toggle('guess-right', ph <= shown && mark?.ok === true);
    td.classList.toggle('guess-wrong', ph <= shown && mark?.ok === false);
    if (values && ph <= shown) {
      const sign = mark ? `<span class="mark" title="${mark.ok ? 'your guess was right' : 'your guess was wrong'}">${mark.ok ? '✓' : '✗'}</span>` : '';
      setHtml(td, `${fmtHtml(values[field][k])}${sign}`);
    } else if (values && open && ph === shown + 1) {
      // Keep a typed guess across re-renders: the input is made once per cell.
      const key = `${panel}:${field}:${k}`;
      if (td.dataset.guess !== key || td.dataset.it !== String(values.k)) {
        td.innerHTML = `<input class="guess" type="text" inputmode="decimal" autocomplete="off" size="6" placeholder="?" data-guess="${key}" aria-label="your guess for ${esc(label)}">`;
        td.dataset.guess = key;
        td.dataset.it = String(values.k);
        setHtml.forget(td);
      }
      return;
    } else {
      setHtml(td, values ? NOT_YET : '–');
    }
    delete td.dataset.guess;
  }

  // `shown`: the last phase whose values are on screen (see reveal.js);
  // `open`: the next phase takes guesses; `guesses`: the checked ones, keyed
  // "panel:field:index" (`panel`: which network of the lesson this table is).
  let lastP = NaN, lastS = NaN;
  function update({ problem, values, phase, shown = phaseIndex(phase), open = false, guesses = null, panel = 0 }) {
    const p = values ? phaseIndex(phase) : -1;
    const s = values ? shown : -1;
    if (p !== lastP || s !== lastS) {
      for (const [c, ph] of phCells) {
        c.classList.toggle('upcoming', ph > s);
        c.classList.toggle('now', ph === p);
      }
      lastP = p;
      lastS = s;
    }
    const ctx = { values, shown: s, open, guesses, panel };
    outRows.forEach((row, o) => {
      const c = row.cells;
      setHtml(c[1], fmtHtml(problem.target[o]));
      OUT_FIELDS.forEach((f, j) => cell(c[2 + j], f, o, `${f} of ${outputNames[o]}`, ctx));
    });
    wRows.forEach((row, k) => {
      const c = row.cells;
      const frozen = problem.frozen[k] === 1;
      row.classList.toggle('frozen', frozen);
      setText(row.querySelector('.frozen-tag'), frozen ? ' (frozen)' : '');
      setHtml(c[1], fmtHtml(problem.input[k % nIn]));
      setHtml(c[2], fmtHtml(values ? values.weightsBefore[k] : problem.weights[k]));
      const named = `${names[k]}${nOut > 1 ? ` ${bookIndex(k, nIn, nOut)}` : ''}`;
      cell(c[3], 'weightDeltas', k, `weight_delta of ${named}`, ctx);
      cell(c[4], 'weightsAfter', k, `new weight ${named}`, ctx);
    });
  }

  return { update, destroy() { wrap.remove(); } };
}
