// The current phase's arithmetic written out with the engine's numbers, the
// way the book writes it under its figures (8.5 × -0.14 = -1.19). Nothing is
// computed here: every operand and result is read from the problem or trace.
import { fmt } from '../common/format.js';
import { phaseIndex } from '../common/trace.js';
import { weightName } from '../common/names.js';

const paren = (v) => (v < 0 ? `(${fmt(v)})` : fmt(v));

export function arithmeticLines({ problem, values, phase, inputNames, outputNames }) {
  if (!values) return [];
  const nIn = inputNames.length;
  const p = phaseIndex(phase);
  const lines = [];
  outputNames.forEach((out, o) => {
    const who = outputNames.length > 1 ? `[${out}]` : '';
    if (p === 0) {
      const terms = inputNames.map((_, i) => `${fmt(problem.input[i])} × ${paren(values.weightsBefore[o * nIn + i])}`).join(' + ');
      lines.push(`pred${who} = ${terms} = ${fmt(values.pred[o])}`);
    } else if (p === 1) {
      lines.push(`delta${who} = ${fmt(values.pred[o])} - ${fmt(problem.target[o])} = ${fmt(values.delta[o])}`);
      lines.push(`error${who} = ${paren(values.delta[o])}² = ${fmt(values.error[o])}`);
    } else {
      inputNames.forEach((_, i) => {
        const k = o * nIn + i;
        const label = weightName(k, nIn, outputNames.length, { inputNames, outputNames });
        const frozen = problem.frozen[k] === 1;
        if (p === 2) {
          lines.push(frozen
            ? `weight_delta ${label} = 0 (frozen)`
            : `weight_delta ${label} = ${paren(values.delta[o])} × ${fmt(problem.input[i])} = ${fmt(values.weightDeltas[k])}`);
        } else {
          lines.push(`weight ${label} = ${fmt(values.weightsBefore[k])} - ${fmt(problem.alpha)} × ${paren(values.weightDeltas[k])} = ${fmt(values.weightsAfter[k])}`);
        }
      });
    }
  });
  return lines;
}
