// A lesson section of chapter 5: the network diagram, the step in three
// phases with player controls, the numbers, the code, the charts, and "play
// with it" settings. Every number comes from engine.run; the position
// (iteration, phase) and every edited setting live in the URL through `state`.
import { LESSONS } from '../lesson/config.js';
import { PHASES, PHASE_LABELS, phaseIndex, iterationOf } from '../common/trace.js';
import { readProblem, problemPatch, isBookProblem } from '../lesson/problem.js';
import { createDiagram } from '../lesson/diagram.js';
import { createNumbers } from '../lesson/numbers.js';
import { createCode } from '../lesson/code.js';
import { createSettings } from '../lesson/settings.js';
import { createPlayer, SPEEDS } from '../lesson/player.js';
import { divergenceHtml, figuresHtml, codeErrataHtml } from '../lesson/notes.js';
import { fmt } from '../common/format.js';
import { arithmeticLines } from '../lesson/arith.js';
import { weightNames } from '../common/names.js';
import { showError, clearStatus } from '../status.js';
import { createErrorCurves } from '../charts/error-curves.js';
import { createErrorSurface } from '../charts/error-surface.js';
import { createWeightMatrix } from '../charts/weight-matrix.js';

export function mount(root, { engine, state, section }) {
  const lesson = LESSONS[section.id];
  const all = engine.examples();
  const figures = engine.bookFigures();
  const errata = engine.codeErrata();
  const panels = lesson.panels.map((cfg) => {
    const ex = all.find((e) => e.id === cfg.example);
    return { ...cfg, ex, book: ex.problem, names: { inputNames: ex.inputNames, outputNames: ex.outputNames },
      problem: null, trace: null, key: '' };
  });
  const pair = panels.length > 1;
  // Beside one network the settings go under the numbers, so the diagram and
  // its player can stay in view (sticky) while the reader edits and scrolls;
  // two networks side by side keep their settings side by side under them.
  const play = `<section class="panel play" aria-labelledby="${section.id}-play">
            <h2 id="${section.id}-play">Play with it</h2>
            <p class="hint">Change any number: everything is recomputed at once. Click a weight on the diagram to freeze it.</p>
            <div data-role="settings"></div>
          </section>`;

  root.innerHTML = `
    <article class="lesson lesson-${section.id}${pair ? ' pair' : ''}">
      <header class="lesson-head">
        <h1>${section.title}</h1>
        <p class="intro">${lesson.intro}</p>
      </header>
      <div class="banners" data-role="banners"></div>
      <div class="lesson-grid">
        <div class="col-a">
          <section class="panel stage" aria-label="The network, one step at a time">
            <div class="diagrams">${panels.map((p, k) => `<figure class="diagram-box" data-panel="${k}">
              <figcaption>${p.ex.title}</figcaption></figure>`).join('')}</div>
            <div data-role="player"></div>
            <div class="arith" data-role="arith" aria-label="This phase's arithmetic"></div>
          </section>
          ${pair ? play : ''}
        </div>
        <div class="col-b">
          <section class="panel numbers-panel" aria-labelledby="${section.id}-num">
            <h2 id="${section.id}-num" data-role="heading">The numbers</h2>
            <div class="tables">${panels.map((_, k) => `<div data-table="${k}"></div>`).join('')}</div>
            <div class="figures" data-role="figures"></div>
          </section>
          ${pair ? '' : play}
          <section class="panel code-panel" aria-labelledby="${section.id}-code">
            <h2 id="${section.id}-code">The step in code</h2>
            <div data-role="code"></div>
          </section>
          ${lesson.curves || lesson.surface || lesson.matrix ? `<section class="panel charts-panel" aria-label="Charts">
            ${lesson.curves ? `<h2>Error against each weight</h2>${panels.map((p, k) => `${pair ? `<h3>${p.ex.title}</h3>` : ''}
              <div data-role="curves" data-panel="${k}"></div>`).join('')}` : ''}
            ${lesson.surface ? `<h2>The error surface over two weights</h2>
              <div class="surface-pick">
                <label>x weight <select data-act="sx"></select></label>
                <label>y weight <select data-act="sy"></select></label>
              </div><div data-role="surface"></div>` : ''}
            ${lesson.matrix ? `<h2>The weight matrix and the outer product</h2><div data-role="matrix"></div>` : ''}
          </section>` : ''}
          <section class="panel errata-panel" data-role="code-errata">${codeErrataHtml(errata, panels.map((p) => p.ex.id))}</section>
        </div>
      </div>
      <p class="visually-hidden" aria-live="polite" data-role="announce"></p>
    </article>`;
  const $ = (sel) => root.querySelector(sel);
  const errataPanel = $('[data-role="code-errata"]');
  if (!errataPanel.innerHTML.trim()) errataPanel.remove();

  // Components
  for (const [k, p] of panels.entries()) {
    p.diagram = createDiagram(root.querySelector(`[data-panel="${k}"]`), {
      ...p.names, title: `Network for ${p.ex.title}`, onToggle: (w) => toggleFrozen(p, w),
    });
    p.numbers = createNumbers(root.querySelector(`[data-table="${k}"]`), { ...p.names, caption: p.ex.title });
    p.settings = createSettings($('[data-role="settings"]'), {
      ...p.names, legend: pair ? p.ex.title : 'Inputs, targets, weights, learning',
      onEdit: (candidate) => edit(p, candidate),
      onReset: () => { clearStatus(); p.settings.clearInvalid(); state.set(problemPatch(p.prefix, p.book, p.book), { push: false }); },
    });
  }
  const code = createCode($('[data-role="code"]'));

  // The charts (web/js/charts/) this section uses, each in its slot.
  const chartSlots = {};
  let alive = true;
  const slot = (role) => $(`[data-role="${role}"]`);
  if (lesson.curves) {  // one set per network; the note under the last
    chartSlots.curves = panels.map((p, k) => createErrorCurves(
      root.querySelector(`[data-role="curves"][data-panel="${k}"]`), engine, { note: k === panels.length - 1 }));
  }
  if (lesson.surface) chartSlots.surface = createErrorSurface(slot('surface'), engine);
  if (lesson.matrix) chartSlots.matrix = createWeightMatrix(slot('matrix'));

  // Surface weight pickers
  const main = panels[panels.length - 1];
  const nW = main.book.weights.length;
  for (const sel of root.querySelectorAll('[data-act="sx"], [data-act="sy"]')) {
    sel.innerHTML = weightNames(main.ex.inputNames, main.ex.outputNames).map((n, w) => `<option value="${w}">${n}</option>`).join('');
  }
  const surfaceAxes = () => {
    let x = Math.trunc(state.number('sx', 0)), y = Math.trunc(state.number('sy', 1));
    if (!(x >= 0 && x < nW)) x = 0;
    if (!(y >= 0 && y < nW)) y = x === 1 ? 0 : 1;
    return { x, y };
  };

  // The problem each panel shows, recomputed when its URL keys change.
  function compute() {
    for (const p of panels) {
      const problem = readProblem(state, p.prefix, p.book);
      const key = JSON.stringify(problem);
      if (key === p.key) continue;
      try {
        p.trace = engine.run(problem);
        p.problem = problem;
      } catch (error) {
        showError(error);
        if (!p.trace) { p.problem = readProblem({ get: () => undefined }, '', p.book); p.trace = engine.run(p.problem); }
      }
      p.key = key;
    }
  }

  function edit(p, candidate) {
    let trace;
    try {
      trace = engine.run(candidate);
    } catch (error) {
      showError(error);
      return false;
    }
    clearStatus();
    p.problem = candidate; p.trace = trace; p.key = JSON.stringify(candidate);
    state.set(problemPatch(p.prefix, candidate, p.book), { push: false });
    return true;
  }

  function toggleFrozen(p, w) {
    const frozen = [...p.problem.frozen];
    frozen[w] = frozen[w] === 1 ? 0 : 1;
    if (edit(p, { ...p.problem, frozen })) p.settings.update(p.problem);
  }

  const steps = () => Math.max(0, ...panels.map((p) => p.trace.steps));
  function position() {
    const n = steps();
    const it = Math.min(Math.max(Math.trunc(state.number('it', 1)) - 1, 0), Math.max(n - 1, 0));
    const ph = PHASES.includes(state.get('ph')) ? state.get('ph') : 'predict';
    return { it, ph, n };
  }
  function go(it, ph) {
    state.set({ it: it + 1, ph }, { push: false });
  }
  const player = createPlayer($('[data-role="player"]'), {
    id: section.id, position, go,
    speed: () => (SPEEDS[state.get('sp')] ? state.get('sp') : 'normal'),
    setSpeed: (sp) => state.set({ sp: sp === 'normal' ? null : sp }, { push: false }),
  });
  const onPick = (event) => {
    const act = event.target.dataset?.act;
    if (act === 'sx' || act === 'sy') state.set({ [act]: event.target.value }, { push: false });
  };
  root.addEventListener('change', onPick);

  // Render everything from the state.
  let lastAnnounce = '';
  function render() {
    compute();
    const { it, ph, n } = position();
    const pi = phaseIndex(ph);
    player.update({ it, ph, n });
    $('[data-role="heading"]').textContent = n ? `Iteration ${it + 1} · ${PHASE_LABELS[ph]}` : 'No steps to show';

    let banners = '', figs = '', arith = '', sentence = [];
    for (const p of panels) {
      const k = Math.min(it, p.trace.steps - 1);
      const values = k >= 0 ? iterationOf(p.trace, k) : null;
      p.values = values; p.k = k;
      p.diagram.update({ problem: p.problem, values, phase: ph });
      p.numbers.update({ problem: p.problem, values, phase: ph });
      p.settings.update(p.problem);
      banners += divergenceHtml({ trace: p.trace, problem: p.problem, inputNames: p.ex.inputNames, label: pair ? p.ex.title : '' });
      if (values) {
        figs += figuresHtml({ figures, example: p.ex.id, trace: p.trace, it: k, phase: ph,
          isBook: isBookProblem(p.problem, p.book), label: pair ? p.ex.title : '' });
        sentence.push(describe(p, values, ph));
        const lines = arithmeticLines({ problem: p.problem, values, phase: ph, ...p.names });
        arith += `<div class="arith-block">${pair ? `<span class="arith-title">${p.ex.title}</span>` : ''}${
          lines.map((l) => `<code class="ph-${ph}">${l}</code>`).join('')}</div>`;
      }
    }
    if (!n && !panels.some((p) => p.trace.overflowed)) banners += '<div class="banner"><strong>No steps.</strong> Set iterations to at least 1 to see the network learn.</div>';
    setHtml($('[data-role="banners"]'), banners);
    setHtml($('[data-role="figures"]'), figs);
    setHtml($('[data-role="arith"]'), arith);
    code.update({ phase: ph, active: n > 0, anyFrozen: panels.some((p) => p.problem.frozen.some((f) => f === 1)) });

    const announce = n ? `Iteration ${it + 1}, ${PHASE_LABELS[ph]}. ${sentence.join(' ')}` : 'No steps.';
    if (announce !== lastAnnounce) { $('[data-role="announce"]').textContent = announce; lastAnnounce = announce; }

    const chartPhase = pi >= 2 ? 'learn' : ph;
    chartSlots.curves?.forEach((curves, k) => curves.update({ problem: panels[k].problem, trace: panels[k].trace,
      iteration: Math.max(panels[k].k, 0), phase: chartPhase, names: panels[k].names }));
    if (chartSlots.surface) {
      const { x, y } = surfaceAxes();
      $('[data-act="sx"]').value = String(x); $('[data-act="sy"]').value = String(y);
      chartSlots.surface.update({ problem: main.problem, trace: main.trace, iteration: Math.max(main.k, 0), phase: chartPhase, x, y, names: main.names });
    }
    chartSlots.matrix?.update({ problem: main.problem, trace: main.trace, iteration: Math.max(main.k, 0), phase: chartPhase,
      inputNames: main.ex.inputNames, outputNames: main.ex.outputNames });
  }

  function describe(p, v, ph) {
    const outs = p.ex.outputNames;
    const list = (arr, names) => names.map((nm, k) => `${nm} ${fmt(arr[k])}`).join(', ');
    const wNames = weightNames(p.ex.inputNames, outs, ' to ');
    if (ph === 'predict') return `pred: ${list(v.pred, outs)}.`;
    if (ph === 'compare') return `error: ${list(v.error, outs)}; delta: ${list(v.delta, outs)}.`;
    if (ph === 'learn') return `weight_deltas: ${list(v.weightDeltas, wNames)}.`;
    return `new weights: ${list(v.weightsAfter, wNames)}.`;
  }

  const shownHtml = new Map();
  function setHtml(el, html) {
    if (shownHtml.get(el) !== html) { el.innerHTML = html; shownHtml.set(el, html); }
  }

  render();
  const unsubscribe = state.subscribe(() => { if (alive) render(); });

  return () => {
    alive = false;
    unsubscribe();
    player.destroy();
    root.removeEventListener('change', onPick);
    for (const c of Object.values(chartSlots).flat()) c.destroy();
    for (const p of panels) { p.diagram.destroy(); p.numbers.destroy(); p.settings.destroy(); }
    code.destroy();
  };
}
