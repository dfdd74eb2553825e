// Predict, then check: a mode (in the URL as quiz=1, so a teacher can hand
// out the link) where a phase's values stay absent until the learner has
// guessed them and pressed Check, or pressed Reveal. A guess is right when it
// agrees with the engine's value to the book's printed precision for that
// figure (engine.bookFigures()), else to 2 significant digits; the page says
// which. Which phases are revealed is kept in memory only (not in the link).
import { fmt } from '../common/format.js';
import { changeWriter } from '../common/dom.js';
import { PHASE_LABELS, phaseIndex } from '../common/trace.js';
import { quizSwitchHtml, quizBarHtml, verdictHtml, QUIZ_HELP } from './quiz-template.js';

const decimalsOf = (printed) => (printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0);
const parseGuess = (text) => Number(text.trim().replace(/^[−–]/, '-').replace(',', '.'));

// How close a guess must be to `value`, and how to say it.
export function tolerance(value, printed) {
  if (printed) {
    const d = decimalsOf(printed);
    return { half: 0.5 * 10 ** -d, precision: `to ${d} decimal${d === 1 ? '' : 's'}, as the book prints ${printed}` };
  }
  const lead = value === 0 ? -1 : Math.floor(Math.log10(Math.abs(value)));
  return { half: 0.5 * 10 ** (lead - 1), precision: 'to 2 significant digits: the book prints no figure for this' };
}

export function createQuiz(root, { id, state, panels, figures, onChange }) {
  const panel = root.querySelector('.numbers-panel');
  panel.querySelector('h2').insertAdjacentHTML('afterend', quizSwitchHtml(id));
  const toggle = panel.querySelector('[data-act="quiz"]');
  const bar = document.createElement('div');
  bar.className = 'quiz-bar';
  bar.innerHTML = quizBarHtml();
  panel.querySelector('.tables').after(bar);
  const $ = (sel) => bar.querySelector(sel);
  const revealed = new Set();      // "it:phase" keys
  const results = new Map();       // "it:phase" -> { marks: Map, verdicts: [] }
  let at = { it: 0, ph: 'predict', n: 0 };

  const on = () => state.get('quiz') === '1';
  const key = ({ it, ph }) => `${it}:${ph}`;
  // The last phase whose values are on screen at `pos`.
  const shown = (pos = at) => phaseIndex(pos.ph) - (on() && pos.n > 0 && !revealed.has(key(pos)) ? 1 : 0);

  function figureFor(p, field, index) {
    const mine = figures.filter((f) => f.example === p.ex.id && f.iteration === p.k && f.field === field && f.index === index);
    return { right: mine.find((f) => !f.erratum), wrong: mine.filter((f) => f.erratum) };
  }

  function judge(input) {
    const [k, field, index] = input.dataset.guess.split(':');
    const p = panels[Number(k)];
    const value = p.trace[field][p.k * (field === 'pred' || field === 'error' || field === 'delta' ? p.trace.nOut : p.trace.nIn * p.trace.nOut) + Number(index)];
    const label = `${panels.length > 1 ? `${p.ex.title}, ` : ''}${input.getAttribute('aria-label').replace(/^your guess for /, '')}`;
    const text = input.value.trim();
    const guess = parseGuess(text);
    if (!Number.isFinite(guess)) return { key: input.dataset.guess, label, text, bad: true };
    const { right, wrong } = p.problem && figures.length ? figureFor(p, field, Number(index)) : { wrong: [] };
    const { half, precision } = tolerance(value, right?.printed ?? wrong[0]?.printed);
    const ok = Math.abs(guess - value) <= half * (1 + 1e-9);
    const misprint = !ok && wrong.some((f) => parseGuess(f.printed) === guess);
    return { key: input.dataset.guess, label, text, ok, value: fmt(value), precision, misprint };
  }

  function check(withGuesses) {
    if (!on() || !at.n) return;
    const verdicts = withGuesses ? [...root.querySelectorAll('input[data-guess]')]
      .filter((el) => el.value.trim() !== '').map(judge) : [];
    if (verdicts.some((v) => v.bad)) {        // say so and keep the phase open
      results.set(key(at), { marks: new Map(), verdicts });
      render();
      return;
    }
    results.set(key(at), { marks: new Map(verdicts.map((v) => [v.key, v])), verdicts });
    revealed.add(key(at));
    onChange();
    // The guess fields and the buttons are gone or disabled: keep the keyboard here.
    $('[data-role="quiz-status"]').focus({ preventScroll: true });
  }

  // Writes only what changed: a drag renders every frame, and any write (even
  // of the same text) makes the browser resolve the page's style again
  // before the next chart draws.
  const help = $('[data-role="quiz-help"]');
  const checkButton = $('[data-act="check"]');
  const revealButton = $('[data-act="reveal"]');
  const verdictsBox = $('[data-role="verdicts"]');
  const put = changeWriter();
  function render() {
    const open = shown() < phaseIndex(at.ph);
    const hidden = !on() || !at.n;
    if (bar.hidden !== hidden) bar.hidden = hidden;
    if (toggle.checked !== on()) toggle.checked = on();
    put('help', open ? QUIZ_HELP.open(PHASE_LABELS[at.ph]) : QUIZ_HELP.done, (v) => { help.textContent = v; });
    if (checkButton.disabled !== !open) checkButton.disabled = !open;
    if (revealButton.disabled !== !open) revealButton.disabled = !open;
    const r = results.get(key(at));
    put('verdicts', r ? r.verdicts.map(verdictHtml).join('') : '', (v) => { verdictsBox.innerHTML = v; });
  }

  const onClick = (event) => {
    const act = event.target.closest('button[data-act]')?.dataset.act;
    if (act === 'check') check(true);
    else if (act === 'reveal') check(false);
  };
  const onToggle = () => state.set({ quiz: toggle.checked ? '1' : null }, { push: false });
  const onKey = (event) => {
    if (event.key === 'Enter' && event.target.matches?.('input[data-guess]')) { event.preventDefault(); check(true); }
  };
  bar.addEventListener('click', onClick);
  toggle.addEventListener('change', onToggle);
  panel.addEventListener('keydown', onKey);

  return {
    shown,
    // The checked guesses at the current position (for the ✓ / ✗ marks).
    marks: () => results.get(key(at))?.marks ?? null,
    update(pos) { at = pos; render(); },
    destroy() {
      bar.removeEventListener('click', onClick);
      toggle.removeEventListener('change', onToggle);
      panel.removeEventListener('keydown', onKey);
      bar.remove();
      toggle.closest('label').remove();
    },
  };
}
