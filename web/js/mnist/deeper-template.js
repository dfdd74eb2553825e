// The markup and prose of the MNIST page's deeper panels: 28x28 -> 784, one
// image at a time, and the live grid of test predictions.
export const PACES = { 0.5: 'one every 2 s', 1: '1 per second', 3: '3 per second', 10: '10 per second', 30: '30 per second' };
export const DEFAULT_PACE = '1';
export const GRID_COUNT = 100;

export const deeperHtml = (pace) => `
      <section class="panel deep-flat" aria-labelledby="deep-flat-title">
        <h2 id="deep-flat-title">28 × 28 → 784, and back</h2>
        <p class="mnist-note">The network has no idea the pixels form a square. Row 0 of the image becomes inputs 0 to 27,
        row 1 becomes inputs 28 to 55, and so on: pixel (row r, column c) is input 28r + c. Read the other way, the 784
        weights one output gives its inputs fold back into a 28 × 28 picture, which is how the weight images above are drawn.</p>
        <figure class="deep-flat-fig">
          <canvas id="deep-flatten" role="img" aria-label="A training digit, its 28 rows sliding out into one strip of 784 inputs"></canvas>
          <figcaption>A training 2: its 28 rows laid end to end, input 0 at the left, input 783 at the right (a tick where each row starts).</figcaption>
        </figure>
        <figure class="deep-flat-fig">
          <canvas id="deep-fold" role="img" aria-label="The 784 trained weights for the digit 2 folding back into a 28 by 28 picture"></canvas>
          <figcaption>The 784 trained weights for 2 (models/chapter-linear.wlm), folded back into rows of 28.</figcaption>
        </figure>
        <button type="button" id="deep-flat-play">Play again</button>
      </section>
      <section class="panel deep-one" aria-labelledby="deep-one-title">
        <h2 id="deep-one-title">One image at a time</h2>
        <p class="mnist-note">The same learning step, slowed down, on a network of its own (seed 1, the alpha chosen above).
        For the digit shown, each output predicts a score; its delta is prediction minus target (target 1 for the right
        digit, 0 for the rest); then every weight of that output moves by −alpha × delta × its pixel. So each output's
        weight image changes by a faint copy of the digit: added where delta is negative (the score was too low), taken
        away where it is positive.</p>
        <div class="deep-one-controls">
          <button type="button" class="primary" id="deep-step">Learn this image</button>
          <button type="button" id="deep-play">Play slowly</button>
          <label>speed <select id="deep-pace">${Object.entries(PACES).map(([v, t]) => `<option value="${v}"${v === pace ? ' selected' : ''}>${t}</option>`).join('')}</select></label>
          <button type="button" id="deep-restart">Start over</button>
        </div>
        <p id="deep-one-status" class="mnist-phase" aria-live="polite"></p>
        <div class="deep-one-body">
          <figure class="deep-one-digit"><canvas id="deep-one-image" class="deep-big" width="28" height="28" role="img" aria-label="The digit being learned"></canvas>
            <figcaption id="deep-one-caption"></figcaption></figure>
          <div class="deep-one-table-wrap">
            <table class="deep-one-table">
              <thead><tr><th scope="col">output</th><th scope="col">weights now</th><th scope="col">change</th>
                <th scope="col">prediction</th><th scope="col" class="deep-target">target</th><th scope="col">delta</th></tr></thead>
              <tbody id="deep-one-rows"></tbody>
            </table>
          </div>
        </div>
        <div id="deep-one-legends" class="dp-legends"></div>
      </section>
      <section class="panel deep-grid" aria-labelledby="deep-grid-title">
        <h2 id="deep-grid-title">The first ${GRID_COUNT} test digits, read live</h2>
        <p class="mnist-note">What the network above answers for each of these digits it never trains on, redrawn as it
        learns. A green tick: read right; a red cross: wrong, with the answer it gave. Press a digit to open it in
        Dot products and see why.</p>
        <p id="deep-grid-count" class="mnist-accuracy" aria-live="polite"></p>
        <div id="deep-grid" class="deep-grid-cells"></div>
      </section>`;
