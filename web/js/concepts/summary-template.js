// Words of the summary section (our own words): the chapter's one idea, and
// a way back to each lesson that showed a piece of it.
import { escapeHtml } from '../common/dom.js';

// What each section showed, keyed by section id; sections not named here
// are listed with their title alone.
export const RECAP = {
  'multi-input': 'One output, three inputs: predict with a weighted sum, compare, and give each weight its own step.',
  properties: 'delta is the node\'s miss; weight_delta = input × delta, which stops, reverses and scales.',
  'side-by-side': 'The same three phases with one input and with three: nothing new, only more of it.',
  steps: 'Several steps in a row: the error falls as all three weights walk down their curves.',
  normalize: 'The largest input takes the largest steps; normalizing the inputs evens them out.',
  freeze: 'Freeze one weight and the others still take the error to the bottom.',
  slices: 'Each curve is a cut through one error shape; its steepness comes from the input.',
  'multi-output': 'One input, three outputs: each output has its own delta, each weight its own weight_delta.',
  'multi-in-out': 'Three by three: a weight matrix, a delta per output, a weight_delta per weight.',
  mnist: 'The same rule on 784 pixels and ten digits: each digit\'s weights become a picture.',
  'dot-product': 'A weighted sum is a dot product: a loose measure of how alike two vectors are.',
  draw: 'Draw your own digit and see the learned weights score it.',
};

export function summaryHtml(section, sections) {
  const items = sections.filter((s) => s.id !== section.id).map((s) =>
    `<li><a href="?s=${s.id}" data-section="${s.id}">${escapeHtml(s.title)}</a>${RECAP[s.id] ? `: ${escapeHtml(RECAP[s.id])}` : ''}</li>`).join('');
  return `<article class="concept concept-${section.id}">
  <header class="lesson-head"><h1>${escapeHtml(section.title)}</h1></header>
  <div class="concept-grid">
    <section class="panel cc-prose" aria-labelledby="sm-idea">
      <h2 id="sm-idea">Gradient descent is general</h2>
      <p>Every page of this chapter ran the same loop: predict, measure the error, find delta, turn delta into a weight_delta for each weight, and step each weight a little against it. Nothing in that loop cares how many inputs or outputs there are, or what the numbers mean.</p>
      <p>So the loop works for any way of combining weights, as long as it produces an error you can measure and a delta you can pass back to each weight. One weight or thousands, toes or pixels: if you can say how the error changes as a weight moves, gradient descent can move it downhill. The chapters that follow keep the loop and change what the weights combine.</p>
    </section>
    <section class="panel" aria-labelledby="sm-back">
      <h2 id="sm-back">Back to each lesson</h2>
      <ol class="cc-recap">${items}</ol>
    </section>
  </div></article>`;
}
