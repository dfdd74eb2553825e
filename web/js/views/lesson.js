// A lesson section of chapter 5: the network diagram, the step in three
// phases with player controls, the numbers, the code, the charts, and "play
// with it" settings. Every number comes from engine.run; the position
// (iteration, phase) and every edited setting live in the URL through `state`.
import { LESSONS } from '../lesson/config.js';
import { lessonHtml } from '../lesson/template.js';
import { codeErrataHtml } from '../lesson/notes.js';
import { createPanel } from '../lesson/panel.js';
import { createStep } from '../lesson/step.js';
import { createLessonCharts } from '../lesson/charts.js';
import { createCode } from '../lesson/code.js';
import { createQuiz } from '../lesson/quiz.js';
import { createPlayer, SPEEDS } from '../lesson/player.js';
import { PHASES, phaseIndex } from '../common/trace.js';

export function mount(root, { engine, state, section }) {
  const lesson = LESSONS[section.id];
  const all = engine.examples();
  const examples = lesson.panels.map((cfg) => all.find((e) => e.id === cfg.example));
  root.innerHTML = lessonHtml({ section, lesson, examples,
    errataHtml: codeErrataHtml(engine.codeErrata(), examples.map((ex) => ex.id)) });
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);

  const pair = examples.length > 1;
  const panels = lesson.panels.map((cfg, k) => createPanel(root, k,
    { cfg, ex: examples[k], pair, settingsSlot: $('settings') }, { engine, state, onLive: () => render() }));
  const code = createCode($('code'));
  const charts = createLessonCharts(root, { lesson, panels, engine, state, render: () => render() });
  const figures = engine.bookFigures();
  const quiz = createQuiz(root, { id: section.id, state, panels, figures, onChange: () => render() });
  const renderStep = createStep(root, { panels, figures, code, quiz });

  // The position: iteration (1-based in the URL) and phase, within the longest run.
  function position() {
    const n = Math.max(0, ...panels.map((p) => p.trace.steps));
    const it = Math.min(Math.max(Math.trunc(state.number('it', 1)) - 1, 0), Math.max(n - 1, 0));
    const ph = PHASES.includes(state.get('ph')) ? state.get('ph') : 'predict';
    return { it, ph, n };
  }
  const player = createPlayer($('player'), {
    id: section.id, position,
    go: (it, ph) => state.set({ it: it + 1, ph }, { push: false }),
    speed: () => state.choice('sp', SPEEDS, 'normal'),
    setSpeed: (sp) => state.set({ sp: sp === 'normal' ? null : sp }, { push: false }),
  });

  // Render everything from the state.
  let alive = true;
  function render() {
    for (const p of panels) p.compute();
    const at = position();
    player.update(at);
    const writes = [];   // the text after the charts' canvases (lesson/step.js)
    const shown = renderStep(at, (fn) => writes.push(fn));
    charts.update(at.ph, phaseIndex(at.ph), shown);
    for (const fn of writes) fn();
  }
  render();
  const unsubscribe = state.subscribe(() => { if (alive) render(); });

  return () => {
    alive = false;
    unsubscribe();
    player.destroy();
    charts.destroy();
    for (const p of panels) p.destroy();
    code.destroy();
    quiz.destroy();
  };
}
