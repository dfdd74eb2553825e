// One network of a lesson: its diagram, numbers table and settings, the
// problem it shows (read from the URL's keys under its prefix) and the
// engine's trace of it. Edits run the engine first and reach the URL only
// when the engine accepts them.
import { readProblem, problemPatch, pageLimit } from './problem.js';
import { createDiagram } from './diagram.js';
import { createNumbers } from './numbers.js';
import { createSettings } from './settings.js';
import { showError, clearStatus, addMessage } from '../status.js';

export function createPanel(root, k, { cfg, ex, pair, settingsSlot }, { engine, state, onLive = () => {} }) {
  const names = { inputNames: ex.inputNames, outputNames: ex.outputNames };
  const p = { ...cfg, ex, book: ex.problem, names, problem: null, trace: null, limit: null, key: '', held: false };
  const limitOf = (problem) => { try { return engine.alphaLimit(problem); } catch { return null; } };

  // The URL takes `problem`; when it already says so (a drag that ended
  // where it began) nothing is written and no render follows, so the page
  // renders once more itself: mid-drag frames skip what is off screen and
  // keep the charts' frames, the end of a drag shows everything.
  function settle(problem) {
    const patch = problemPatch(p.prefix, problem, p.book);
    const same = Object.entries(patch).every(([key, v]) => (state.get(key) ?? null) === (v === null ? null : String(v)));
    if (same) onLive(); else state.set(patch, { push: false });
  }

  // `live`: a drag in progress. The page redraws from this problem at once
  // (onLive) but the URL is written only by the last, non-live edit.
  function edit(candidate, { live = false } = {}) {
    const limit = pageLimit(candidate);
    if (limit) { showError(limit); return false; }
    let trace;
    try {
      trace = engine.run(candidate);
    } catch (error) {
      showError(error);
      return false;
    }
    clearStatus();
    p.problem = candidate; p.trace = trace; p.limit = limitOf(candidate); p.key = JSON.stringify(candidate);
    p.live = live; p.held = false;
    if (live) onLive();
    else settle(candidate);
    return true;
  }

  // A number dragged on the diagram (an input or a target), or moved with
  // the arrow keys (those, or a weight: the run then starts from it, at
  // iteration 1, as when its dot is dragged on its curve).
  function scrub(kind, index, value, final) {
    const field = { input: 'input', target: 'target', weight: 'weights' }[kind];
    if (!field) return;
    if (field === 'weights' && state.number('it', 1) !== 1) state.set({ it: null }, { push: false });
    const values = [...p.problem[field]];
    values[index] = value;
    edit({ ...p.problem, [field]: values }, { live: !final });
  }

  // While a weight or alpha is dragged on the charts: run the engine on
  // `candidate` and keep it in memory (compute() leaves it alone) without
  // writing the URL; commit() writes it when the drag ends. Returns whether
  // the engine accepted it (a refused frame is skipped, silently).
  p.preview = (candidate) => {
    if (pageLimit(candidate)) return false;
    try {
      p.trace = engine.run(candidate);
    } catch {
      return false;
    }
    p.problem = candidate; p.limit = limitOf(candidate); p.key = JSON.stringify(candidate); p.held = true;
    return true;
  };
  p.commit = () => {
    if (!p.held) return;
    p.held = false;
    settle(p.problem);
  };

  function toggleFrozen(w) {
    const frozen = [...p.problem.frozen];
    frozen[w] = frozen[w] === 1 ? 0 : 1;
    if (edit({ ...p.problem, frozen })) p.settings.update(p.problem);
  }

  // The problem the URL asks for, run again only when it changed; a problem
  // the engine refuses leaves the last good one (or the book's) on screen.
  p.compute = () => {
    if (p.live) return;   // mid-drag, the problem on screen is ahead of the URL
    const notes = [];
    const problem = readProblem(state, p.prefix, p.book,
      { report: (note) => notes.push(note), where: pair ? `the "${ex.title}" network` : 'this lesson' });
    const key = JSON.stringify(problem);
    if (key === p.key || p.held) return;
    try {
      p.trace = engine.run(problem);
      p.problem = problem; p.limit = limitOf(problem);
    } catch (error) {
      showError(error);
      if (!p.trace) { p.problem = readProblem({ get: () => undefined }, '', p.book); p.trace = engine.run(p.problem); p.limit = limitOf(p.problem); }
    }
    for (const note of notes) addMessage(note);   // what the URL asked that the page did not do
    p.key = key;
  };

  p.diagram = createDiagram(root.querySelector(`[data-panel="${k}"]`), {
    ...names, title: `Network for ${ex.title}`, onToggle: toggleFrozen, onScrub: scrub,
  });
  p.numbers = createNumbers(root.querySelector(`[data-table="${k}"]`), { ...names, caption: ex.title });
  p.settings = createSettings(settingsSlot, {
    ...names, legend: pair ? ex.title : 'Inputs, targets, weights, learning',
    onEdit: edit,
    onReset: () => { clearStatus(); p.settings.clearInvalid(); state.set(problemPatch(p.prefix, p.book, p.book), { push: false }); },
  });
  p.destroy = () => { p.diagram.destroy(); p.numbers.destroy(); p.settings.destroy(); };
  return p;
}
