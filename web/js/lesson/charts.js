// The charts a lesson shows (web/js/charts/), each in its slot: error curves
// per network, the error surface with its two weight pickers (x and y live
// in the URL as sx and sy), the weight matrix. Each chart, its module and
// Chart.js are loaded when it nears the viewport (common/when-visible.js).
import { weightNames } from '../common/names.js';
import { whenVisible } from '../common/when-visible.js';
import { showError } from '../status.js';
import { chartsMissing, loadChartJs, CHARTS_MISSING, missingNote } from '../vendor.js';

export function createLessonCharts(root, { lesson, panels, engine, state }) {
  const slot = (role) => root.querySelector(`[data-role="${role}"]`);
  const main = panels[panels.length - 1];
  const lazy = (el, make) => whenVisible(el, make, { onError: showError });
  let said = false;   // Chart.js draws the curves: if it is missing, say so where they would be
  const curves = lesson.curves ? panels.map((p, k) => {   // the note under the last set
    const el = root.querySelector(`[data-role="curves"][data-panel="${k}"]`);
    return lazy(el, async () => {
      const [{ createErrorCurves }] = await Promise.all([import('../charts/error-curves.js'), loadChartJs()]);
      if (!chartsMissing()) return createErrorCurves(el, engine, { note: k === panels.length - 1 });
      if (!said) slot('curves').replaceChildren(missingNote(`${CHARTS_MISSING}: the error curves are not drawn. Everything else here works.`));
      said = true;
      return null;
    });
  }) : [];
  const surface = lesson.surface ? lazy(slot('surface'), async () =>
    (await import('../charts/error-surface.js')).createErrorSurface(slot('surface'), engine)) : null;
  const matrix = lesson.matrix ? lazy(slot('matrix'), async () =>
    (await import('../charts/weight-matrix.js')).createWeightMatrix(slot('matrix'))) : null;

  const pickers = [...root.querySelectorAll('[data-act="sx"], [data-act="sy"]')];
  const options = weightNames(main.ex.inputNames, main.ex.outputNames).map((n, w) => `<option value="${w}">${n}</option>`).join('');
  for (const sel of pickers) sel.innerHTML = options;
  const onPick = (event) => {
    const act = event.target.dataset?.act;
    if (act === 'sx' || act === 'sy') state.set({ [act]: event.target.value }, { push: false });
  };
  root.addEventListener('change', onPick);

  const nW = main.book.weights.length;
  function surfaceAxes() {
    let x = Math.trunc(state.number('sx', 0)), y = Math.trunc(state.number('sy', 1));
    if (!(x >= 0 && x < nW)) x = 0;
    if (!(y >= 0 && y < nW)) y = x === 1 ? 0 : 1;
    return { x, y };
  }

  // The charts draw only what is computed (`shown`, lesson/reveal.js): the
  // slope once the weight_deltas are, where the dot goes once the new weights are.
  function update(phase, phaseIndex, shown = phaseIndex) {
    const chartPhase = shown >= 3 ? 'learn' : shown >= 2 ? 'compare' : 'predict';
    const at = (p) => ({ problem: p.problem, trace: p.trace, iteration: Math.max(p.k, 0), phase: chartPhase });
    curves.forEach((c, k) => c.update({ ...at(panels[k]), names: panels[k].names }));
    if (surface) {
      const { x, y } = surfaceAxes();
      pickers[0].value = String(x); pickers[1].value = String(y);
      surface.update({ ...at(main), x, y, names: main.names });
    }
    matrix?.update({ ...at(main), phase, shown, ...main.names });
  }

  function destroy() {
    root.removeEventListener('change', onPick);
    for (const c of [...curves, surface, matrix]) c?.destroy();
  }

  return { update, destroy };
}
