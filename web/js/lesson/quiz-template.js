// The words and markup of predict-then-check: the switch, the bar under the
// numbers (help, Check, Reveal, the verdicts) and one verdict.
import { escapeHtml as esc } from '../common/dom.js';

export const quizSwitchHtml = (id) => `<label class="quiz-switch" for="${id}-quiz">
  <input type="checkbox" id="${id}-quiz" data-act="quiz"> Predict, then check
  <span class="quiz-hint">(hide each phase's numbers until you have guessed them; the link keeps this)</span></label>`;

export const quizBarHtml = () => `
  <p class="quiz-help" data-role="quiz-help"></p>
  <div class="quiz-buttons">
    <button type="button" class="primary" data-act="check">Check</button>
    <button type="button" data-act="reveal">Reveal without guessing</button>
  </div>
  <div role="status" tabindex="-1" data-role="quiz-status"><ul class="quiz-verdicts" data-role="verdicts"></ul></div>`;

export const QUIZ_HELP = {
  open: (phase) => `${phase}: what will the page compute? Type your guesses in the boxes (as many as you like), then Check.`,
  done: 'Checked: the values and the arithmetic are shown. Next ▶ goes on.',
};

// "pred of win?: you said 0.9, wrong: it is 0.86 (to 2 decimals, as the book prints 0.86)".
export function verdictHtml(v) {
  if (v.bad) return `<li class="wrong">${esc(v.label)}: "${esc(v.text)}" is not a number.</li>`;
  return `<li class="${v.ok ? 'right' : 'wrong'}"><span class="mark" aria-hidden="true">${v.ok ? '✓' : '✗'}</span>
    ${esc(v.label)}: you said ${esc(v.text)}, ${v.ok ? 'right' : 'wrong'}: the engine gets ${v.value}
    (checked ${esc(v.precision)})${v.misprint ? `; ${esc(v.text)} is what the book prints there, a misprint` : ''}.</li>`;
}
