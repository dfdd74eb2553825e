// One step of every network on screen: each panel's diagram, numbers and
// settings, and around them the banners, the book's figures, the arithmetic,
// the heading, the code and the sentence read aloud. Only what the step has
// computed so far is on the page (lesson/reveal.js); in predict-then-check
// mode (quiz) the current phase's values wait for a guess or a reveal.
import { PHASE_LABELS, iterationOf, phaseIndex } from '../common/trace.js';
import { isBookProblem } from './problem.js';
import { figuresHtml, frozenAllHtml } from './notes.js';
import { divergenceHtml } from './divergence.js';
import { arithmeticLines } from './arith.js';
import { arithHtml, describeStep, nowLineHtml, NO_STEPS_BANNER } from './template.js';
import { maskValues, shownPhase } from './reveal.js';
import { htmlPatcher } from './text-patch.js';

export function createStep(root, { panels, figures, code, quiz = null }) {
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  const setHtml = htmlPatcher();   // a drag frame writes only the numbers that changed
  const pair = panels.length > 1;
  let lastAnnounce = '';

  // Returns `shown`: the last phase whose values are on screen. `later(fn)`:
  // when given, the page's text is written through it (the lesson draws its
  // charts first: text written before a canvas draws would make the browser
  // resolve the page's style in the middle of the chart's drawing, and again
  // after); each panel's iteration (p.k) is set at once.
  return function render(at, later = (fn) => fn()) {
    const { it, ph } = at;
    quiz?.update(at);
    const shown = quiz ? quiz.shown(at) : phaseIndex(ph);
    for (const p of panels) p.k = Math.min(it, p.trace.steps - 1);
    later(() => write(at, shown));
    return shown;
  };

  function write(at, shown) {
    const { it, ph, n } = at;
    const open = shown < phaseIndex(ph);
    $('heading').textContent = n ? `Iteration ${it + 1} · ${PHASE_LABELS[ph]}` : 'No steps to show';
    let banners = '', figs = '', arith = '', now = '';
    const sentence = [];
    panels.forEach((p, k) => {
      const label = pair ? p.ex.title : '';
      const values = p.k >= 0 ? iterationOf(p.trace, p.k) : null;
      // The diagram prints what it is given: hide what is not shown yet.
      p.diagram.update({ problem: p.problem, values: maskValues(values, shown), phase: open && shown >= 2 ? shownPhase(shown) : ph,
        live: p.held || p.live });
      p.numbers.update({ problem: p.problem, values, phase: ph, shown, open, guesses: quiz?.marks(), panel: k });
      p.settings.update(p.problem);
      banners += divergenceHtml({ trace: p.trace, problem: p.problem, limit: p.limit, ...p.names, label });
      figs += frozenAllHtml(p.problem);
      if (!values) return;
      figs += figuresHtml({ figures, example: p.ex.id, trace: p.trace, it: p.k, phase: ph, shown,
        isBook: isBookProblem(p.problem, p.book), label });
      sentence.push(open ? `${label ? `${label}: ` : ''}your guess first.` : describeStep(p.ex, values, ph));
      if (!open) now += nowLineHtml(p.ex, values, ph, label);   // in predict-then-check, after the guess
      arith += arithHtml(arithmeticLines({ problem: p.problem, values, phase: ph, shown, ...p.names }), ph, label);
    });
    if (!n && !panels.some((p) => p.trace.overflowed)) banners += NO_STEPS_BANNER;
    setHtml($('banners'), banners);
    setHtml($('figures'), figs);
    setHtml($('arith'), arith);
    setHtml($('now'), now);
    code.update({ phase: ph, active: n > 0, anyFrozen: panels.some((p) => p.problem.frozen.some((f) => f === 1)) });

    const announce = n ? `Iteration ${it + 1}, ${PHASE_LABELS[ph]}. ${sentence.join(' ')}` : 'No steps.';
    if (announce !== lastAnnounce) { $('announce').textContent = announce; lastAnnounce = announce; }
  }
}
