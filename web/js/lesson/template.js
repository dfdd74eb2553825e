// The lesson page's markup and the sentences it writes around the engine's
// numbers: the page skeleton with a slot (data-role) for every component, the
// arithmetic block, the "no steps" banner and the step read aloud.
import { fmt } from '../common/format.js';
import { weightNames } from '../common/names.js';

// "Play with it": beside one network the settings go under the numbers, so
// the diagram and its player can stay in view (sticky) while the reader edits
// and scrolls; two networks side by side keep their settings under them.
const playHtml = (id) => `<section class="panel play" aria-labelledby="${id}-play">
            <h2 id="${id}-play">Play with it</h2>
            <p class="hint">Change any number: everything is recomputed at once. Click a weight on the diagram to freeze it.</p>
            <div data-role="settings"></div>
          </section>`;

function chartsHtml(lesson, examples) {
  const pair = examples.length > 1;
  const alpha = `<h2>Alpha and the error over time</h2>
            <div class="alpha-box" data-role="alpha"></div>
            <div data-role="learning"></div>`;
  const curves = lesson.curves ? `<h2>Error against each weight</h2>${examples.map((ex, k) => `${pair ? `<h3>${ex.title}</h3>` : ''}
              <div data-role="curves" data-panel="${k}"></div>`).join('')}` : '';
  // Side by side is about the two networks' curves: they come first, beside the stage.
  return `<section class="panel charts-panel" aria-label="Charts">
            ${pair ? curves + alpha : alpha + curves}
            ${lesson.surface ? `<h2>The error surface over two weights</h2>
              <div class="surface-pick">
                <label>x weight <select data-act="sx"></select></label>
                <label>y weight <select data-act="sy"></select></label>
              </div><div data-role="surface"></div>` : ''}
            ${lesson.matrix ? `<h2>The weight matrix and the outer product</h2><div data-role="matrix"></div>` : ''}
          </section>`;
}

// The whole lesson: `examples` are the engine's examples the panels show.
export function lessonHtml({ section, lesson, examples, errataHtml }) {
  const pair = examples.length > 1;
  return `
    <article class="lesson lesson-${section.id}${pair ? ' pair' : ''}">
      <header class="lesson-head">
        <h1>${section.title}</h1>
        <p class="intro">${lesson.intro}</p>
      </header>
      <div class="banners" data-role="banners"></div>
      <div class="lesson-grid">
        <div class="col-a">
          <section class="panel stage" aria-label="The network, one step at a time">
            <div class="stage-top">
              <div class="diagrams">${examples.map((ex, k) => `<figure class="diagram-box" data-panel="${k}">
                <figcaption>${ex.title}</figcaption></figure>`).join('')}</div>
              <div data-role="player"></div>
              <p class="now-line" data-role="now"></p>
            </div>
            <div class="arith" data-role="arith" aria-label="This phase's arithmetic"></div>
          </section>
          ${pair ? playHtml(section.id) : ''}
        </div>
        <div class="col-b">
          ${pair ? chartsHtml(lesson, examples) : ''}
          <section class="panel numbers-panel" aria-labelledby="${section.id}-num">
            <h2 id="${section.id}-num" data-role="heading">The numbers</h2>
            <div class="tables">${examples.map((_, k) => `<div data-table="${k}"></div>`).join('')}</div>
            <div class="figures" data-role="figures"></div>
          </section>
          ${pair ? '' : playHtml(section.id)}
          <section class="panel code-panel" aria-labelledby="${section.id}-code">
            <h2 id="${section.id}-code">The step in code</h2>
            <div data-role="code"></div>
          </section>
          ${pair ? '' : chartsHtml(lesson, examples)}
          ${errataHtml.trim() ? `<section class="panel errata-panel" data-role="code-errata">${errataHtml}</section>` : ''}
        </div>
      </div>
      <p class="visually-hidden" aria-live="polite" data-role="announce"></p>
    </article>`;
}

export function arithHtml(lines, phase, title) {
  return `<div class="arith-block">${title ? `<span class="arith-title">${title}</span>` : ''}${
    lines.map((l) => `<code class="ph-${phase}">${l}</code>`).join('')}</div>`;
}

export const NO_STEPS_BANNER = '<div class="banner"><strong>No steps.</strong> Set iterations to at least 1 to see the network learn.</div>';

// The stage's one line: what this phase just computed, short (the sentence
// read aloud below names every number in full). `label` names the network
// when two are shown.
export function nowLineHtml(ex, values, phase, label = '') {
  const nums = (arr) => arr.map((v) => `<b>${fmt(v)}</b>`).join(' ');
  const perOut = (arr) => (ex.outputNames.length > 1
    ? ex.outputNames.map((n, o) => `${n} <b>${fmt(arr[o])}</b>`).join(' · ') : nums(arr));
  const nIn = ex.inputNames.length;
  // The weights as the diagram groups them: by input beside one output, by output beside several.
  const perWeight = (arr) => (ex.outputNames.length > 1
    ? ex.outputNames.map((n, o) => `${n}: ${nums(arr.slice(o * nIn, (o + 1) * nIn))}`).join(' · ')
    : ex.inputNames.map((n, i) => `${n} <b>${fmt(arr[i])}</b>`).join(' · '));
  const body = phase === 'predict' ? `pred ${perOut(values.pred)}`
    : phase === 'compare' ? `error ${perOut(values.error)}; delta ${perOut(values.delta)}`
      : phase === 'learn' ? `weight_deltas ${perWeight(values.weightDeltas)}`
        : `new weights ${perWeight(values.weightsAfter)}`;
  return `<span class="now-item ph-${phase}">${label ? `<span class="now-label">${label}</span> ` : ''}${body}</span>`;
}

// The step read aloud: this phase's numbers, named.
export function describeStep(ex, values, phase) {
  const list = (arr, names) => names.map((nm, k) => `${nm} ${fmt(arr[k])}`).join(', ');
  const wNames = weightNames(ex.inputNames, ex.outputNames, ' to ');
  if (phase === 'predict') return `pred: ${list(values.pred, ex.outputNames)}.`;
  if (phase === 'compare') return `error: ${list(values.error, ex.outputNames)}; delta: ${list(values.delta, ex.outputNames)}.`;
  if (phase === 'learn') return `weight_deltas: ${list(values.weightDeltas, wNames)}.`;
  return `new weights: ${list(values.weightsAfter, wNames)}.`;
}
