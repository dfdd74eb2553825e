// One step of every network on screen: each panel's diagram, numbers and
// settings, and around them the banners, the book's figures, the arithmetic,
// the heading, the code and the sentence read aloud.
import { PHASE_LABELS, iterationOf } from '../common/trace.js';
import { htmlSetter } from '../common/dom.js';
import { isBookProblem } from './problem.js';
import { figuresHtml } from './notes.js';
import { divergenceHtml } from './divergence.js';
import { arithmeticLines } from './arith.js';
import { arithHtml, describeStep, NO_STEPS_BANNER } from './template.js';

export function createStep(root, { panels, figures, code }) {
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  const setHtml = htmlSetter();
  const pair = panels.length > 1;
  let lastAnnounce = '';

  return function render({ it, ph, n }) {
    $('heading').textContent = n ? `Iteration ${it + 1} · ${PHASE_LABELS[ph]}` : 'No steps to show';
    let banners = '', figs = '', arith = '';
    const sentence = [];
    for (const p of panels) {
      const label = pair ? p.ex.title : '';
      p.k = Math.min(it, p.trace.steps - 1);
      const values = p.k >= 0 ? iterationOf(p.trace, p.k) : null;
      p.diagram.update({ problem: p.problem, values, phase: ph });
      p.numbers.update({ problem: p.problem, values, phase: ph });
      p.settings.update(p.problem);
      banners += divergenceHtml({ trace: p.trace, problem: p.problem, limit: p.limit, ...p.names, label });
      if (!values) continue;
      figs += figuresHtml({ figures, example: p.ex.id, trace: p.trace, it: p.k, phase: ph,
        isBook: isBookProblem(p.problem, p.book), label });
      sentence.push(describeStep(p.ex, values, ph));
      arith += arithHtml(arithmeticLines({ problem: p.problem, values, phase: ph, ...p.names }), ph, label);
    }
    if (!n && !panels.some((p) => p.trace.overflowed)) banners += NO_STEPS_BANNER;
    setHtml($('banners'), banners);
    setHtml($('figures'), figs);
    setHtml($('arith'), arith);
    code.update({ phase: ph, active: n > 0, anyFrozen: panels.some((p) => p.problem.frozen.some((f) => f === 1)) });

    const announce = n ? `Iteration ${it + 1}, ${PHASE_LABELS[ph]}. ${sentence.join(' ')}` : 'No steps.';
    if (announce !== lastAnnounce) { $('announce').textContent = announce; lastAnnounce = announce; }
  };
}
