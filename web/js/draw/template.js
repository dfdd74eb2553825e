// The markup and prose of "Draw a digit".
export const PEN = { min: 6, max: 40, standard: 18 };

export const drawHtml = () => `
  <div class="draw" data-state="empty" data-reads="0">
    <h1>Draw a digit</h1>
    <p class="draw-lede">Draw any digit from 0 to 9. Two networks read it while you draw: a small
    convolutional network trained on all 60,000 MNIST digits, and the chapter's own network, 784 pixel
    inputs wired straight to 10 outputs. For the chapter's network you can see why: every pixel's
    input times its weight, added up, is the score.</p>
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
        <h2 id="draw-answer-title">The answer</h2>
        <div class="answer-top">
          <figure class="seen">
            <canvas class="seen-image pixelated" width="28" height="28" role="img"
              aria-label="The 28 by 28 image the networks see"></canvas>
            <figcaption>The 28×28 the networks see</figcaption>
          </figure>
          <p class="sr-only guess-announce" aria-live="polite"></p>
          <div class="guess">
            <p class="guess-invite">Draw a digit and the network will read it here.</p>
            <p class="guess-line"><span class="guess-digit"></span><span class="guess-prob"></span></p>
            <p class="guess-note"></p>
          </div>
        </div>
        <p class="model-message" role="status"></p>
        <h3 class="bars-title">CNN: probability of each digit</h3>
        <div class="bars-cnn"></div>
        <p class="draw-small onnx-link"><a href="models/digits-cnn.onnx" download>Download this network as ONNX</a>.
        Open it in Netron, or run it with onnxruntime: input <code>image</code> [N,1,28,28] in [0,1], output <code>probabilities</code> [N,10].</p>
      </section>

      <section class="panel draw-linear" aria-labelledby="draw-linear-title">
        <h2 id="draw-linear-title">The chapter's network</h2>
        <p class="linear-says"></p>
        <p class="linear-message" role="status"></p>
        <h3 class="bars-title">Its ten scores (weighted sums)</h3>
        <div class="bars-linear"></div>
        <p class="draw-small">784 inputs, 10 outputs, no hidden layer: each score is one weighted sum of the
        pixels, trained with the chapter's gradient descent (about 80% right on MNIST's test digits).</p>
      </section>

      <section class="panel draw-why" aria-labelledby="draw-why-title">
        <h2 id="draw-why-title">Why: pixel × weight</h2>
        <p class="draw-small">Each pixel of the 28×28 times its weight for a digit. <span class="key-pos">Blue</span>
        pixels push that digit's score up, <span class="key-neg">orange</span> ones pull it down; the
        score is the sum of them all.</p>
        <div class="why-maps">
          <figure class="why-map">
            <canvas class="why-top pixelated" width="28" height="28" role="img" aria-label="Contributions of each pixel to the top score: nothing drawn yet"></canvas>
            <figcaption class="why-top-caption"></figcaption>
          </figure>
          <figure class="why-map">
            <canvas class="why-second pixelated" width="28" height="28" role="img" aria-label="Contributions of each pixel to the second score: nothing drawn yet"></canvas>
            <figcaption class="why-second-caption"></figcaption>
          </figure>
          <p class="draw-small why-note">These are the two digits the chapter's network scores highest.
          A pixel without ink adds nothing, whatever its weight: the network can only weigh ink where it
          finds it. That is why a digit drawn in an unusual style or shape fools it easily, and the
          convolutional network, which looks for small strokes and shapes wherever they are, much less.</p>
        </div>
        <div class="why-legend" aria-hidden="true"><span>pulls down</span><span class="why-ramp"></span><span>pushes up</span></div>
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
