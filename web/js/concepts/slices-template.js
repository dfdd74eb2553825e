// Words and markup of "Curves are slices of one shape" (our own words;
// numbers filled in from the engine by views/slices.js).
import { escapeHtml } from '../common/dom.js';

export function slicesHtml(section, names) {
  return `<article class="concept concept-${section.id}">
  <header class="lesson-head"><h1>${escapeHtml(section.title)}</h1>
  <p class="intro">The three error curves are not three shapes. They are three cuts through one shape: the error over all three weights at once. Step the run, freeze a weight, and watch the cuts move.</p></header>
  <div class="concept-grid">
    <section class="panel concept-try" aria-labelledby="sl-try">
      <h2 id="sl-try">Step through the run</h2>
      <fieldset class="cc-choice"><legend>Freeze</legend>
        ${names.map((n, i) => `<label><input type="checkbox" data-freeze="${i}"> ${String.fromCharCode(97 + i)} (${escapeHtml(n)})</label>`).join('')}
      </fieldset>
      <div class="cc-row">
        <button type="button" id="sl-back" aria-label="Step back">◀</button>
        <button type="button" id="sl-play" class="primary">Play</button>
        <button type="button" id="sl-next" aria-label="Step forward">▶</button>
        <label class="cc-field">step <input type="range" id="sl-step" min="1" step="1" aria-label="Step of the run"></label>
        <output id="sl-at" for="sl-step"></output>
      </div>
      <p class="cc-verdict" id="sl-verdict" aria-live="polite"></p>
      <div class="cc-slices" id="sl-curves"></div>
    </section>
    <section class="panel cc-prose" aria-labelledby="sl-why">
      <h2 id="sl-why">One shape, seen three ways</h2>
      <p>With three weights, the error depends on all three: it is one surface in four dimensions (three for the weights, one for the error). We cannot draw that, so each curve shows one cut through it: one weight swept from side to side while the other two are held where they are now.</p>
      <p>Move any weight and the other two cuts move with it, because they are taken at the new place. That is why a frozen weight's dot never moves sideways, yet its curve slides under it and its error still falls: the other weights are carrying it along the shape.</p>
      <p>How sharply each cut bends is set by the data, not by the weights: for one output the curvature is 2 × input², whatever the weights are. A large input makes a narrow, steep bowl; a small one a wide, shallow one. That is the slope difference behind "a dominates" on the previous pages.</p>
    </section>
  </div></article>`;
}
