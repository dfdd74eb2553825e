// The markup and prose of "Draw a digit".
export const PEN = { min: 6, max: 40, standard: 18 };

export const drawHtml = () => `
  <div class="draw" data-state="empty" data-reads="0">
    <h1>Draw a digit</h1>
    <p class="draw-lede">Draw any digit from 0 to 9. The chapter's own network reads it while you draw: 784 pixel
    inputs wired straight to 10 outputs, each score a weighted sum you can take apart pixel by pixel. Tap any
    digit's score to see why, then tell it which digit you meant and watch it learn.</p>
    <div class="draw-grid">
      <section class="panel draw-pad" aria-labelledby="draw-pad-title">
        <h2 id="draw-pad-title" class="sr-only">Drawing area</h2>
        <div class="pad-wrap">
          <canvas class="pad" tabindex="0" role="img"
            aria-label="Drawing area. Draw a digit with a mouse, finger or pen. Backspace or Control Z undoes the last stroke; Escape or Delete clears."></canvas>
          <p class="pad-invite" aria-hidden="true">Draw a digit here</p>
        </div>
        <div class="pad-tools">
          <label class="pad-width">Pen <input type="range" min="${PEN.min}" max="${PEN.max}" step="1" aria-label="Pen width">
            <output class="pad-width-value"></output></label>
          <span class="pad-buttons">
            <button type="button" class="pad-undo">Undo</button>
            <button type="button" class="pad-clear">Clear</button>
          </span>
        </div>
        <p class="pad-keys">Keys on the canvas: <kbd>Backspace</kbd> or <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo,
        <kbd>Esc</kbd> or <kbd>Delete</kbd> clear.</p>
      </section>

      <section class="panel draw-answer" aria-labelledby="draw-answer-title">
        <h2 id="draw-answer-title">The answer: the chapter's network</h2>
        <div class="answer-top">
          <figure class="seen">
            <canvas class="seen-image pixelated" width="28" height="28" role="img"
              aria-label="The 28 by 28 image the networks see"></canvas>
            <figcaption>The 28×28 it sees</figcaption>
          </figure>
          <p class="sr-only guess-announce" aria-live="polite"></p>
          <div class="linear-answer">
            <p class="guess-invite">Draw a digit and the chapter's network will read it here.</p>
            <p class="linear-line"><span class="linear-digit"></span><span class="linear-score"></span></p>
            <p class="linear-says"></p>
            <p class="verdict" hidden></p>
          </div>
        </div>
        <p class="linear-message" role="status"></p>
        <div class="answer-why">
          <div class="answer-bars">
            <h3 class="bars-title">Its ten scores: tap one for its map</h3>
            <div class="bars-linear"></div>
          </div>
          <div class="why">
            <figure class="why-map">
              <canvas class="why-pick pixelated" width="28" height="28" role="img" aria-label="Pixel times weight for a digit: nothing drawn yet"></canvas>
              <figcaption class="why-pick-caption"></figcaption>
            </figure>
            <figure class="why-map">
              <canvas class="why-diff pixelated" width="28" height="28" role="img" aria-label="The difference of two maps: nothing drawn yet"></canvas>
              <figcaption class="why-diff-caption"></figcaption>
            </figure>
            <label class="why-against">and not <select class="why-other" aria-label="Compare with the digit"></select></label>
          </div>
        </div>
        <p class="draw-small why-note">Each map is the 28×28 with every pixel times its weight for that digit:
        <span class="key-pos">blue</span> pushes the score up, <span class="key-neg">orange</span> pulls it down, and
        their sum is the score. The second map is one digit's map minus the other's: its sum is how far apart
        their scores are. A pixel without ink adds nothing, whatever its weight.</p>
      </section>

      <section class="panel draw-teach" aria-labelledby="draw-teach-title">
        <h2 id="draw-teach-title">Teach it your handwriting</h2>
        <p class="draw-small teach-lede">Which digit did you draw? One step of the chapter's gradient descent on
        this drawing: every weight moves by −alpha × delta × pixel, delta = score − target.</p>
        <div class="teach-digits" role="group" aria-label="Teach it: this drawing is the digit">
          ${Array.from({ length: 10 }, (_, d) => `<button type="button" class="teach-digit" data-d="${d}" disabled>${d}</button>`).join('')}
        </div>
        <div class="teach-alpha">
          <label for="teach-alpha-input">alpha</label>
          <input id="teach-alpha-input" type="range" min="-4" max="-1" step="0.05" aria-describedby="teach-alpha-value">
          <output class="teach-alpha-value" id="teach-alpha-value"></output>
        </div>
        <div class="teach-result" aria-live="polite">
          <p class="teach-summary">Draw a digit, then press the digit it is.</p>
          <div class="teach-detail" hidden>
            <table class="teach-table">
              <caption class="sr-only">The ten scores before and after the step, and delta</caption>
              <tbody>
                <tr class="t-digit"><th scope="row">digit</th>${Array.from({ length: 10 }, (_, d) => `<th scope="col">${d}</th>`).join('')}</tr>
                <tr class="t-before"><th scope="row">before</th>${'<td></td>'.repeat(10)}</tr>
                <tr class="t-delta"><th scope="row">delta</th>${'<td></td>'.repeat(10)}</tr>
                <tr class="t-after"><th scope="row">after</th>${'<td></td>'.repeat(10)}</tr>
              </tbody>
            </table>
            <div class="teach-rows">
              <figure><canvas class="row-before pixelated" width="28" height="28" role="img" aria-label="The digit's weights before the step"></canvas><figcaption class="row-before-caption">before</figcaption></figure>
              <figure><canvas class="row-after pixelated" width="28" height="28" role="img" aria-label="The digit's weights after the step"></canvas><figcaption>after</figcaption></figure>
              <figure><canvas class="row-change pixelated" width="28" height="28" role="img" aria-label="How the digit's weights changed"></canvas><figcaption>change</figcaption></figure>
            </div>
          </div>
        </div>
        <p class="teach-count" role="status"></p>
        <div class="teach-tools">
          <button type="button" class="teach-replay" disabled>Replay all once</button>
          <button type="button" class="teach-export" disabled>Export</button>
          <label class="teach-import-label"><input type="file" class="teach-import" accept=".json,application/json" disabled> <span>Import</span></label>
          <button type="button" class="teach-reset" disabled>Reset</button>
        </div>
        <p class="teach-message" role="status"></p>
        <p class="draw-small teach-note">Your digits stay in this browser (IndexedDB) and in files you export;
        nothing is sent anywhere. On a reload the network starts again from its trained weights and learns each
        of your digits once, in the order you taught them, at the alpha you used (a replay is not kept).
        Reset forgets them and restores the trained weights.</p>
      </section>

      <section class="panel draw-cnn" aria-labelledby="draw-cnn-title">
        <h2 id="draw-cnn-title">A stronger reader, beyond this chapter</h2>
        <div class="guess">
          <p class="guess-line"><span class="guess-digit"></span><span class="guess-prob"></span></p>
          <p class="guess-note"></p>
        </div>
        <p class="model-message" role="status"></p>
        <h3 class="bars-title">A convolutional network: probability of each digit (tap for a map)</h3>
        <div class="bars-cnn"></div>
        <p class="draw-small">A convolution slides small learned stroke detectors over the whole image, so a
        curve counts wherever it is drawn; the chapter's network has one fixed weight per pixel. Trained on all
        60,000 MNIST digits. Its reasons are not a pixel × weight sum, so tapping its bars shows the chapter's
        network's map for that digit.</p>
        <p class="draw-small onnx-link"><a href="models/digits-cnn.onnx" download>Download this network as ONNX</a>.
        Open it in Netron, or run it with onnxruntime: input <code>image</code> [N,1,28,28] in [0,1], output <code>probabilities</code> [N,10].</p>
      </section>

      <section class="panel draw-recipe" aria-labelledby="draw-recipe-title">
        <h2 id="draw-recipe-title">What the networks see</h2>
        <p class="draw-small">Before either network looks, your drawing is made into an MNIST digit:
        the box around the ink is shrunk until its longer side is 20 pixels, then placed in a 28×28 square so
        that the ink's centre of mass sits in the middle, and the brightest pixel is set to 1. That is how
        MNIST's own digits were prepared, so the networks see your drawing the way they saw the digits they
        learned from.</p>
      </section>
    </div>
  </div>`;
