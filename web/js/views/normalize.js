// "Why a dominates, and normalization": the chapter's multi-input example at
// alpha 0.01 or 0.1, with the raw inputs or each divided by its scale
// (engine.scaleInputs). The run, the steps and the divergence are the engine's.
import { fmt } from '../common/format.js';
import { htmlSetter } from '../common/dom.js';
import { baseProblem, inputNames, SCALES } from '../concepts/problem.js';
import { errorBarsSvg } from '../concepts/error-bars.js';
import { normalizeHtml, verdictText, ALPHAS, ITERATIONS } from '../concepts/normalize-template.js';

export function mount(root, { engine, state, section }) {
  const names = inputNames(engine);
  root.innerHTML = normalizeHtml(section, names, SCALES);
  const $ = (id) => root.querySelector(`#${id}`);
  const raw = baseProblem(engine);
  const set = htmlSetter();

  function render() {
    const alphaKey = state.choice('na', ALPHAS, '0.1');
    const normalized = state.get('norm') === '1';
    const alpha = ALPHAS[alphaKey];
    const problem = { ...(normalized ? engine.scaleInputs(raw, SCALES) : raw), alpha, iterations: ITERATIONS };
    const t = engine.run(problem);
    root.querySelectorAll('input[name="nz-alpha"]').forEach((r) => { r.checked = r.value === alphaKey; });
    $('nz-norm').checked = normalized;
    const errors = Array.from(t.error);
    const box = $('nz-verdict');
    box.dataset.diverged = String(t.divergedAt >= 0);
    box.classList.toggle('bad', t.divergedAt >= 0);
    box.textContent = verdictText({ alpha, normalized, diverged: t.divergedAt, first: errors[0], last: errors[errors.length - 1], steps: t.steps });
    set($('nz-errors'), errorBarsSvg(errors, `Error at each of the ${t.steps} steps, on a log scale: ${fmt(errors[0])} at the first, ${fmt(errors[errors.length - 1])} at the last.`));
    const wd = Array.from(t.weightDeltas.slice(0, 3));
    const most = Math.max(...wd.map(Math.abs)) || 1;
    set($('nz-rows'), names.map((n, i) => `<tr><th scope="row">${String.fromCharCode(97 + i)} (${n})</th>` +
      `<td>${fmt(problem.input[i])}</td><td data-wd="${i}">${fmt(wd[i])}</td>` +
      `<td>${fmt(t.weightsBefore[i])} → ${fmt(t.weightsAfter[i])}</td>` +
      `<td><svg class="cc-meter" viewBox="0 0 100 10" aria-hidden="true"><rect width="${Math.max(0.5, 100 * Math.abs(wd[i]) / most).toFixed(1)}" height="10"/></svg></td></tr>`).join(''));
  }

  root.querySelectorAll('input[name="nz-alpha"]').forEach((r) => r.addEventListener('change', () => state.set({ na: r.value })));
  $('nz-norm').addEventListener('change', (e) => state.set({ norm: e.target.checked ? '1' : '0' }));
  const unsubscribe = state.subscribe((_v, changed) => { if (changed.includes('na') || changed.includes('norm')) render(); });
  render();
  return unsubscribe;
}
