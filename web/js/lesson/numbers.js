// The numbers of the current iteration, as two small tables: one row per
// output (target, pred, error, delta) and one row per weight (input, weight,
// weight_delta, new weight). Cells of phases not reached yet are dimmed, the
// current phase's cells are highlighted.
import { fmt } from '../common/format.js';
import { phaseIndex } from '../common/trace.js';
import { weightNames } from '../common/names.js';

export function createNumbers(container, { inputNames, outputNames, caption }) {
  const names = weightNames(inputNames, outputNames);
  const wrap = document.createElement('div');
  wrap.className = 'numbers-wrap';
  wrap.innerHTML = `
    <table class="numbers outputs">
      <caption>${caption}: outputs</caption>
      <thead><tr><th scope="col">output</th><th scope="col">target</th><th scope="col" data-ph="0">pred</th>
        <th scope="col" data-ph="1">error</th><th scope="col" data-ph="1">delta</th></tr></thead>
      <tbody>${outputNames.map((n) => `<tr><th scope="row">${n}</th><td></td><td data-ph="0"></td><td data-ph="1"></td><td data-ph="1"></td></tr>`).join('')}</tbody>
    </table>
    <table class="numbers weights">
      <caption>${caption}: weights</caption>
      <thead><tr><th scope="col">weight</th><th scope="col">input</th><th scope="col">weight</th>
        <th scope="col" data-ph="2">weight_<wbr>delta</th><th scope="col" data-ph="3">new weight</th></tr></thead>
      <tbody>${names.map((n) => `<tr><th scope="row">${n}<span class="frozen-tag"></span></th><td></td><td></td><td data-ph="2"></td><td data-ph="3"></td></tr>`).join('')}</tbody>
    </table>`;
  container.append(wrap);
  const outRows = [...wrap.querySelectorAll('.outputs tbody tr')];
  const wRows = [...wrap.querySelectorAll('.weights tbody tr')];
  const nIn = inputNames.length;

  function update({ problem, values, phase }) {
    const p = values ? phaseIndex(phase) : -1;
    for (const cell of wrap.querySelectorAll('[data-ph]')) {
      const ph = Number(cell.dataset.ph);
      cell.classList.toggle('upcoming', ph > p);
      cell.classList.toggle('now', ph === p);
    }
    const v = (arr, k) => (values ? fmt(arr[k]) : '–');
    outRows.forEach((row, o) => {
      const c = row.cells;
      c[1].textContent = fmt(problem.target[o]);
      c[2].textContent = v(values?.pred, o);
      c[3].textContent = v(values?.error, o);
      c[4].textContent = v(values?.delta, o);
    });
    wRows.forEach((row, k) => {
      const c = row.cells;
      const frozen = problem.frozen[k] === 1;
      row.classList.toggle('frozen', frozen);
      row.querySelector('.frozen-tag').textContent = frozen ? ' (frozen)' : '';
      c[1].textContent = fmt(problem.input[k % nIn]);
      c[2].textContent = values ? fmt(values.weightsBefore[k]) : fmt(problem.weights[k]);
      c[3].textContent = v(values?.weightDeltas, k);
      c[4].textContent = v(values?.weightsAfter, k);
    });
  }

  return { update, destroy() { wrap.remove(); } };
}
