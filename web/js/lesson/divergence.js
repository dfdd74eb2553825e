// Why a run diverges, in words true for the problem at hand: the engine's
// alpha limit (engine.alphaLimit) says which output's delta grows, which
// input dominates its sum of squares and the largest alpha that converges.
// Nothing here is hard-coded to a lesson.
import { fmt } from '../common/format.js';
import { iterationOf } from '../common/trace.js';
import { escapeHtml as esc } from '../common/dom.js';

// The short verdict shown beside the alpha slider: { diverges, text }.
export function alphaVerdict({ problem, limit }) {
  if (!limit || !Number.isFinite(limit.limit)) {
    return { diverges: false, text: 'no weight learns here, so no alpha can make this run diverge' };
  }
  const a = problem.alpha;
  if (a > limit.limit) return { diverges: true, text: `diverges: alpha is above ${fmt(limit.limit, 4)}, the largest that converges for these inputs` };
  if (a === limit.limit) return { diverges: false, text: `on the edge: at ${fmt(limit.limit, 4)} each step flips the error's sign without shrinking it` };
  if (a === 0) return { diverges: false, text: `alpha 0: nothing moves (converges while alpha < ${fmt(limit.limit, 4)})` };
  return { diverges: false, text: `converges: alpha is below ${fmt(limit.limit, 4)}, the largest that converges for these inputs` };
}

// Why: which input dominates, the sum of squares and the factor each step multiplies delta by.
export function whyText({ problem, limit, inputNames, outputNames }) {
  if (!limit || !Number.isFinite(limit.limit) || limit.dominant < 0) return '';
  const o = limit.output;
  const s = limit.sumSquares[o];
  const x = problem.input[limit.dominant];
  const factor = 1 - problem.alpha * s;
  const many = problem.target.length > 1;
  const same = many && [...limit.perOutput].every((v) => v === limit.limit);
  const whose = !many ? 'the delta' : same ? 'every output\'s delta' : `the delta of ${esc(outputNames[o])}`;
  return `Each step multiplies ${whose} by 1 − alpha × ${fmt(s, 4)}, the sum of the squares of the inputs
    whose weights learn; input <b>${esc(inputNames[limit.dominant])}</b> = ${fmt(x)} dominates it
    (${fmt(x * x, 4)} of ${fmt(s, 4)}). With alpha ${fmt(problem.alpha)} that factor is ${fmt(factor, 4)}:
    ${Math.abs(factor) < 1 ? 'smaller than 1 in size, so the error shrinks' : 'larger than 1 in size, so each step overshoots the bottom of the bowl by more than the last'}.
    It converges while alpha &lt; 2 / ${fmt(s, 4)} = ${fmt(limit.limit, 4)}.`;
}

// The banners for a diverged or overflowed run.
export function divergenceHtml({ trace, problem, limit, inputNames, outputNames, label }) {
  const parts = [];
  if (trace.divergedAt >= 0 && trace.steps > 0) {
    const d = trace.divergedAt;
    // The error's growth in the step where it started, when both errors are in the trace.
    let growth = '';
    if (d >= 1 && d < trace.steps) {
      const before = iterationOf(trace, d - 1).totalError, after = iterationOf(trace, d).totalError;
      growth = `: ${fmt(before)} → ${fmt(after)}${before > 0 ? `, ×${fmt(after / before, 3)} in one step` : ''}`;
    }
    parts.push(`<div class="banner diverged"><strong>${label ? `${esc(label)}: diverged.` : 'Diverged.'}</strong>
      From iteration ${d + 1} on the error grows instead of shrinking${growth}.
      ${whyText({ problem, limit, inputNames, outputNames })}</div>`);
  }
  if (trace.overflowed) {
    parts.push(`<div class="banner overflowed"><strong>Overflow.</strong> ${trace.steps
      ? `The numbers grew too large to represent after ${trace.steps} finite step${trace.steps === 1 ? '' : 's'}; only those are shown.`
      : 'The very first step already gives numbers too large to represent, so there is no step to show. Try smaller values.'}</div>`);
  }
  return parts.join('');
}
