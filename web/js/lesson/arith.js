// The current phase's arithmetic written out with the engine's numbers, the
// way the book writes it under its figures (8.5 × -0.14 = -1.19). Nothing is
// computed here: every operand and result is read from the problem or trace.
// While the phase is open for a guess (shown < phase) its results are "?".
import { fmtHtml as f } from '../common/format.js';
import { phaseIndex } from '../common/trace.js';
import { weightName, bookIndex } from '../common/names.js';

const paren = (v) => (v < 0 ? `(${f(v)})` : f(v));

export function arithmeticLines({ problem, values, phase, inputNames, outputNames, shown = phaseIndex(phase) }) {
  if (!values) return [];
  const nIn = inputNames.length;
  const nOut = outputNames.length;
  const p = phaseIndex(phase);
  const known = shown >= p;
  const result = (v) => (known ? f(v) : '?');
  const lines = [];
  outputNames.forEach((out, o) => {
    const who = nOut > 1 ? `[${out}]` : '';
    if (p === 0) {
      const terms = inputNames.map((_, i) => `${f(problem.input[i])} × ${paren(values.weightsBefore[o * nIn + i])}`).join(' + ');
      lines.push(`pred${who} = ${terms} = ${result(values.pred[o])}`);
    } else if (p === 1) {
      lines.push(`delta${who} = ${f(values.pred[o])} - ${f(problem.target[o])} = ${result(values.delta[o])}`);
      lines.push(known
        ? `error${who} = ${paren(values.delta[o])}² = ${f(values.error[o])}`
        : `error${who} = (${f(values.pred[o])} - ${f(problem.target[o])})² = ?`);
    } else {
      inputNames.forEach((_, i) => {
        const k = o * nIn + i;
        const label = `${weightName(k, nIn, nOut, { inputNames, outputNames })}${nIn > 1 && nOut > 1 ? ` ${bookIndex(k, nIn, nOut)}` : ''}`;
        const frozen = problem.frozen[k] === 1;
        if (p === 2) {
          lines.push(frozen
            ? `weight_delta ${label} = ${known ? '0' : '?'} (frozen)`
            : `weight_delta ${label} = ${paren(values.delta[o])} × ${f(problem.input[i])} = ${result(values.weightDeltas[k])}`);
        } else {
          lines.push(`weight ${label} = ${f(values.weightsBefore[k])} - ${f(problem.alpha)} × ${paren(values.weightDeltas[k])} = ${result(values.weightsAfter[k])}`);
        }
      });
    }
  });
  return lines;
}
