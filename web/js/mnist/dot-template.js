// The markup and prose of "Dot products, seen".
export const PAGE = 100;  // thumbnails per page

export const SETS = { train: 'The first 1,000 training digits', test: 'The 10,000 test digits' };

const otherSet = (set) => (set === 'test'
  ? '<a href="?s=dot-product" data-set="train">Show the training digits instead</a>'
  : '<a href="?s=dot-product&set=test" data-set="test">Show the 10,000 test digits instead</a>');

// Retitles the digit browser for `set` while its digits load.
export function showSet(root, set) {
  root.querySelector('#dp-browser-title').textContent = SETS[set];
  root.querySelector('.dp-sets').innerHTML = otherSet(set);
  root.querySelector('#dp-range').textContent = 'Loading…';
}

export const dotProductHtml = (set) => `
    <article class="dp">
      <header>
        <h1>Dot products, seen</h1>
        <p>A dot product multiplies two lists element by element and adds the results. Where both lists are large in the
        same places, the sum is large; where one is zero, that place adds nothing. Each score of the digit network is such
        a sum: the digit's 784 pixels times one row of weights. Pick a digit below to see the trained network's ten rows,
        the ten elementwise products, and their sums.</p>
      </header>
      <div class="dp-layout">
        <section class="panel dp-browser" aria-labelledby="dp-browser-title">
          <h2 id="dp-browser-title">${SETS[set]}</h2>
          <p class="dp-sets">${otherSet(set)}</p>
          <div class="dp-pager">
            <button type="button" id="dp-prev" aria-label="Previous ${PAGE} digits">‹</button>
            <span id="dp-range" aria-live="polite">Loading…</span>
            <button type="button" id="dp-next" aria-label="Next ${PAGE} digits">›</button>
          </div>
          <div class="dp-thumbs" id="dp-thumbs"></div>
        </section>
        <section class="panel dp-detail" aria-labelledby="dp-title">
          <h2 id="dp-title">Digit</h2>
          <div class="dp-input">
            <canvas class="dp-big" id="dp-input" width="28" height="28" role="img" aria-label="The selected digit"></canvas>
            <p id="dp-verdict" class="dp-verdict" aria-live="polite"></p>
          </div>
          <section class="dp-pixels" aria-labelledby="dp-pixels-title">
            <h3 id="dp-pixels-title">Pixel by pixel</h3>
            <label class="dp-class">weights of digit <select id="dp-class">${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `<option value="${d}">${d}</option>`).join('')}</select></label>
            <div class="dp-pixel-figs">
              <figure><canvas id="dp-px-input" width="28" height="28" role="img" aria-label="The input the network reads: pixel / 255, drawn big"></canvas><figcaption>input (pixel / 255)</figcaption></figure>
              <span class="dp-op" aria-hidden="true">×</span>
              <figure><canvas id="dp-px-weights" width="28" height="28" role="img" aria-label="The chosen weights, drawn big"></canvas><figcaption>weights</figcaption></figure>
              <span class="dp-op" aria-hidden="true">=</span>
              <figure><canvas id="dp-px-products" width="28" height="28" role="img" aria-label="Input times weights, drawn big"></canvas><figcaption>input × weight</figcaption></figure>
            </div>
            <p id="dp-px-readout" class="dp-readout" aria-live="polite"></p>
          </section>
          <table class="dp-table">
            <thead><tr><th scope="col">digit</th><th scope="col">weights</th><th scope="col">input × weights</th><th scope="col">sum = score</th></tr></thead>
            <tbody id="dp-rows"></tbody>
          </table>
          <p class="dp-note">Each score is the sum of all 784 values in its middle image: blue pixels add, orange ones
          subtract, white ones (paper, or a weight near 0) add nothing. Only inked pixels can count, so the middle
          images are the weight rows seen through the shape of this digit.</p>
          <div id="dp-legends" class="dp-legends"></div>
        </section>
      </div>
    </article>`;

export const verdictText = (best, score, label) => (best === label
  ? `Highest score: ${best}, with ${score.toFixed(3)}. Right.`
  : `Highest score: ${best}, with ${score.toFixed(3)}. Wrong: it is a ${label}.`);
