// Words and markup of "delta, weight_delta and three properties" (our own
// words; the numbers are filled in from the engine by views/properties.js).
import { fmt } from '../common/format.js';
import { escapeHtml } from '../common/dom.js';

export const PRESETS = [
  { value: 8.5, text: "8.5 (the book's)" },
  { value: 0, text: '0: stopping' },
  { value: -8.5, text: '-8.5: reversal' },
  { value: 85, text: '85: scaling' },
];

export function propertiesHtml(section) {
  return `<article class="concept concept-${section.id}">
  <header class="lesson-head"><h1>${escapeHtml(section.title)}</h1>
  <p class="intro">The node has one <b>delta</b>; each weight gets its own <b>weight_delta</b>. Change the first input (toes) and watch what happens to its weight, a.</p></header>
  <div class="concept-grid">
    <section class="panel concept-try" aria-labelledby="pr-try">
      <h2 id="pr-try">Set toes</h2>
      <div class="cc-presets" role="group" aria-label="Preset values for toes">
        ${PRESETS.map((p) => `<button type="button" data-toes="${p.value}">${escapeHtml(p.text)}</button>`).join('')}
      </div>
      <label class="cc-field">toes <input type="range" id="pr-range" min="-20" max="100" step="0.5" aria-label="toes (slider)">
        <input type="number" id="pr-number" step="any" aria-label="toes (number)"></label>
      <p class="cc-verdict" id="pr-verdict" aria-live="polite"></p>
      <p class="cc-sum mono" id="pr-sum"></p>
      <div id="pr-curve" class="cc-curve-box"></div>
    </section>
    <section class="panel" aria-labelledby="pr-net">
      <h2 id="pr-net">One delta, three weight_deltas</h2>
      <div id="pr-diagram"></div>
      <table class="cc-table"><caption>weight_delta = input × delta; the step is alpha × weight_delta</caption>
        <thead><tr><th scope="col">weight</th><th scope="col">input</th><th scope="col">× delta</th><th scope="col">= weight_delta</th><th scope="col">weight before → after</th></tr></thead>
        <tbody id="pr-rows"></tbody></table>
    </section>
    <section class="panel cc-prose" aria-labelledby="pr-why">
      <h2 id="pr-why">delta and weight_delta</h2>
      <p><b>delta</b> belongs to the output node: prediction minus target. It says how far, and which way, the node missed. Above zero means it guessed too high; below zero, too low.</p>
      <p><b>weight_delta</b> belongs to one weight: which way, and how far, to move that weight so the node misses by less. The node's miss is shared, but each weight reached the node through its own input, so each weight's share of the blame is delta times its input (the derivative of the error with respect to that weight, up to a factor of 2).</p>
      <p>That one multiplication has three consequences. <b>Stopping</b>: an input of 0 contributed nothing, so its weight gets nothing to learn. <b>Negative reversal</b>: a negative input turns the push around, so the weight moves the other way. <b>Scaling</b>: a large input makes a large weight_delta, so its weight takes a large step, and can jump right over the bottom of its bowl.</p>
    </section>
  </div></article>`;
}

// Which property the toes value shows, and a sentence saying what happened.
export function verdict({ toes, delta, wd, before, after, errorNow, errorNext }) {
  const move = after > before ? 'up' : 'down';
  if (toes === 0) {
    return { property: 'stopping', text: `Stopping: toes is 0, so a's weight_delta is 0 × ${fmt(delta)} = ${fmt(wd)}. Weight a stays at ${fmt(before)}, whatever the error.` };
  }
  if (toes < 0) {
    return { property: 'reversal', text: `Negative reversal: toes is negative, so a's weight_delta (${fmt(wd)}) has the opposite sign to delta (${fmt(delta)}). Weight a moves ${move}, the other way from the positive inputs' weights.` };
  }
  const over = errorNext > errorNow;
  return {
    property: 'scaling',
    text: `Scaling: weight_delta is ${fmt(toes)} × delta = ${fmt(wd)}, so a moves ${move} from ${fmt(before)} to ${fmt(after)}.` +
      (over ? ` That step is so large it jumps past the bottom: along a's curve the error rises from ${fmt(errorNow)} to ${fmt(errorNext)}.` : ` Along a's curve the error goes from ${fmt(errorNow)} to ${fmt(errorNext)}.`),
  };
}
