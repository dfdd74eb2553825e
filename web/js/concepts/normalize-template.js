// Words and markup of "Why a dominates, and normalization" (our own words;
// numbers filled in from the engine by views/normalize.js).
import { fmt } from '../common/format.js';
import { escapeHtml } from '../common/dom.js';

export const ALPHAS = { '0.01': 0.01, '0.1': 0.1 };
export const ITERATIONS = 20;

export function normalizeHtml(section, names, scales) {
  return `<article class="concept concept-${section.id}">
  <header class="lesson-head"><h1>${escapeHtml(section.title)}</h1>
  <p class="intro">Toes is many times larger than the other two inputs, so weight a takes nearly all of every step. Raise alpha to 0.1 and a overshoots further each time; normalize the inputs and all three weights share the work.</p></header>
  <div class="concept-grid">
    <section class="panel concept-try" aria-labelledby="nz-try">
      <h2 id="nz-try">Try it</h2>
      <fieldset class="cc-choice"><legend>alpha</legend>
        ${Object.keys(ALPHAS).map((a) => `<label><input type="radio" name="nz-alpha" value="${a}"> ${a}</label>`).join('')}
      </fieldset>
      <label class="cc-switch"><input type="checkbox" role="switch" id="nz-norm"> Normalize the inputs (divide each by its largest value over the season: ${names.map((n, i) => `${escapeHtml(n)} ÷ ${fmt(scales[i])}`).join(', ')})</label>
      <p class="cc-verdict" id="nz-verdict" aria-live="polite"></p>
      <div id="nz-errors" class="cc-errors"></div>
    </section>
    <section class="panel" aria-labelledby="nz-steps-h">
      <h2 id="nz-steps-h">The first step of each weight</h2>
      <table class="cc-table"><caption>weight_delta = input × delta; each weight moves by alpha × weight_delta</caption>
        <thead><tr><th scope="col">weight</th><th scope="col">input</th><th scope="col">weight_delta</th><th scope="col">before → after</th><th scope="col"><span class="visually-hidden">size of the step</span></th></tr></thead>
        <tbody id="nz-rows"></tbody></table>
    </section>
    <section class="panel cc-prose" aria-labelledby="nz-why">
      <h2 id="nz-why">Why, and what it costs</h2>
      <p>Every weight shares one delta, but each multiplies it by its own input. The biggest input makes the biggest weight_delta, and the steepest bowl: a's curve is far steeper than b's or c's (see the next-but-one section, Slices). An alpha small enough for a (0.01) is too timid for b and c; an alpha that suits b and c (0.1) throws a past the bottom of its bowl, further each time: the error grows without end.</p>
      <p>Normalizing puts the inputs on one footing. Here each input is divided by the largest value it takes over the book's four games, so each lies between 0 and 1. Now the weight_deltas are of one size, the three bowls are alike, and alpha 0.1 learns quickly without diverging.</p>
      <p>The cost: the weights now work on the scaled inputs, so they are in other units than before (a weight for "toes ÷ 9.9" is not a weight for toes), and every new input must be divided by the same scales before the network sees it. The scales belong to the model as much as the weights do.</p>
    </section>
  </div></article>`;
}

export function verdictText({ alpha, normalized, diverged, first, last, steps }) {
  const what = normalized ? 'normalized inputs' : 'raw inputs';
  if (diverged >= 0) {
    return `Diverges: with the ${what} at alpha ${fmt(alpha)} the error grows from step ${diverged + 1} on, ${fmt(first)} at the start, ${fmt(last)} after ${steps} steps.`;
  }
  return `Converges: with the ${what} at alpha ${fmt(alpha)} the error falls from ${fmt(first)} to ${fmt(last)} in ${steps} steps.`;
}
