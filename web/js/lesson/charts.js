// The charts a lesson shows (web/js/charts/), each in its slot: the alpha
// slider and the learning curve, error curves per network, the error surface
// with its two weight pickers (x and y live in the URL as sx and sy), the
// weight matrix. Each chart, its module and Chart.js are loaded when it nears
// the viewport (common/when-visible.js). Dragging a dot, the surface's path or
// alpha recomputes every view each frame from memory (panel.preview, then
// `render`); the URL follows when the drag ends (panel.commit). Each drag
// frame's work is measured as a 'wl-drag' performance entry for the benchmark.
import { createAlphaSliders } from './alpha.js';
import { onScreen } from '../charts/on-screen.js';
import { weightNames } from '../common/names.js';
import { whenVisible } from '../common/when-visible.js';
import { showError } from '../status.js';
import { chartsMissing, loadChartJs, CHARTS_MISSING, missingNote } from '../vendor.js';

export function createLessonCharts(root, { lesson, panels, engine, state, render }) {
  const slot = (role) => root.querySelector(`[data-role="${role}"]`);
  const main = panels[panels.length - 1];
  const lazy = (el, make) => onScreen(el, whenVisible(el, make, { onError: showError }));

  // One drag frame: the candidate problem into memory, everything redrawn.
  function live(p, patch, end) {
    const t0 = performance.now();
    if (!p.held && state.number('it', 1) !== 1) state.set({ it: null }, { push: false });   // the run starts where the dot is
    const ok = p.preview({ ...p.problem, ...patch });
    const t1 = performance.now();
    chartsTime = -1;
    if (ok) render();
    const t2 = performance.now();
    performance.measure('wl-drag', { start: t0, end: t2 });
    performance.measure('wl-drag-engine', { start: t0, end: t1 });   // its parts, for bench/drag.mjs
    if (chartsTime >= 0) performance.measure('wl-drag-charts', { start: t2 - chartsTime, end: t2 });
    if (end) p.commit();
  }
  const weightsWith = (p, changes) => {
    const weights = [...p.problem.weights];
    for (const [w, v] of changes) if (Number.isFinite(v)) weights[w] = Number(v.toPrecision(6));
    return { weights };
  };

  let said = false;   // Chart.js draws the curves: if it is missing, say so where they would be
  const curves = lesson.curves ? panels.map((p, k) => {   // the note under the last set
    const el = root.querySelector(`[data-role="curves"][data-panel="${k}"]`);
    return lazy(el, async () => {
      const [{ createErrorCurves }] = await Promise.all([import('../charts/error-curves.js'), loadChartJs()]);
      if (!chartsMissing()) {
        return createErrorCurves(el, engine,
          { note: k === panels.length - 1, onDrag: (w, v, end) => live(p, weightsWith(p, [[w, v]]), end) });
      }
      if (!said) slot('curves').replaceChildren(missingNote(`${CHARTS_MISSING}: the error curves are not drawn. Everything else here works.`));
      said = true;
      return null;
    });
  }) : [];
  const surface = lesson.surface ? lazy(slot('surface'), async () =>
    (await import('../charts/error-surface.js')).createErrorSurface(slot('surface'), engine,
      { onDrag: (vx, vy, end) => { const { x, y } = surfaceAxes(); live(main, weightsWith(main, [[x, vx], [y, vy]]), end); } })) : null;
  const alpha = createAlphaSliders(slot('alpha'), panels, { onAlpha: (p, a, end) => live(p, { alpha: a }, end) });
  const learning = lazy(slot('learning'), async () => {
    const [{ createLearningCurve }] = await Promise.all([import('../charts/learning-curve.js'), loadChartJs()]);
    return chartsMissing() ? null : createLearningCurve(slot('learning'),
      { onIteration: (k) => state.set({ it: k + 1 }, { push: false }) });
  });
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
  let chartsTime = -1;   // the charts' share of the last update, ms
  function update(phase, phaseIndex, shown = phaseIndex) {
    const t0 = performance.now();
    const chartPhase = shown >= 3 ? 'learn' : shown >= 2 ? 'compare' : 'predict';
    const steady = panels.some((p) => p.held || p.live);   // mid-drag: the charts keep their frames
    // Every chart draws first, then the page's text is written (defer): text
    // written between two canvases would make the browser lay the page out
    // again before the second draws its labels. A chart made later (lazily)
    // writes at once.
    const queue = [];
    let open = true;
    const defer = (fn) => (open ? queue.push(fn) : fn());
    const at = (p) => ({ problem: p.problem, trace: p.trace, iteration: Math.max(p.k, 0), phase: chartPhase, steady, defer });
    learning?.update({ series: panels.map((p) => ({ trace: p.trace, label: panels.length > 1 ? p.ex.title : '', outputNames: p.ex.outputNames })),
      iteration: Math.max(...panels.map((p) => Math.max(p.k, 0))), defer, steady });
    curves.forEach((c, k) => c.update({ ...at(panels[k]), names: panels[k].names }));
    if (surface) {
      const { x, y } = surfaceAxes();
      if (pickers[0].value !== String(x)) pickers[0].value = String(x);
      if (pickers[1].value !== String(y)) pickers[1].value = String(y);
      surface.update({ ...at(main), x, y, names: main.names });
    }
    open = false;
    for (const fn of queue) fn();
    alpha.update();
    matrix?.update({ ...at(main), phase, shown, ...main.names });
    chartsTime = performance.now() - t0;
  }

  function destroy() {
    root.removeEventListener('change', onPick);
    for (const c of [...curves, surface, matrix, alpha, learning]) c?.destroy();
  }

  return { update, destroy };
}
