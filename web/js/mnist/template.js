// The MNIST page's markup and prose ("What the weights learn").
import { MAX_EPOCHS, DEFAULTS } from './settings.js';

export const EMPTY_CHART = 'A point every 50 training images appears here while the network trains.';
export const TRAINED_CHART = 'These weights were trained offline (train_linear); press Start to watch a network learn.';

export function mnistHtml({ alphas, settings }) {
  return `
    <article class="mnist">
      <header class="mnist-head">
        <h1>What the weights learn</h1>
        <p>The network from the last sections, grown to <strong>784 inputs</strong> (one per pixel of a 28×28
        handwritten digit, divided by 255) and <strong>10 outputs</strong> (one score per digit). The target is 1 for the
        right digit and 0 for the other nine. It learns with exactly the step you have seen, one image at a time,
        here on the first 1,000 training images of MNIST, the same ones the book uses.</p>
      </header>
      <section class="panel mnist-controls" aria-label="Training controls">
        <div class="mnist-fields">
          <label>alpha <select id="mnist-alpha">${alphas.map((a) => `<option value="${a}"${a === settings.alpha ? ' selected' : ''}>${a}</option>`).join('')}</select></label>
          <label>epochs <input id="mnist-epochs" type="number" min="1" max="${MAX_EPOCHS}" step="1" value="${settings.epochs}"></label>
        </div>
        <div class="mnist-buttons">
          <button type="button" class="primary" id="mnist-run">Start</button>
          <button type="button" id="mnist-reset">Reset</button>
          <button type="button" id="mnist-load">Load trained weights</button>
        </div>
        <div class="mnist-progress">
          <progress id="mnist-progress" max="1" value="0" aria-label="Training progress"></progress>
          <p id="mnist-phase" class="mnist-phase">Weights are random (seed ${DEFAULTS.seed}): press Start.</p>
        </div>
      </section>
      <div class="mnist-grid">
        <section class="panel" aria-labelledby="mnist-weights-title">
          <h2 id="mnist-weights-title">The ten weight rows, as images</h2>
          <p class="mnist-note">Row <em>d</em> holds digit <em>d</em>'s weight for every pixel. Blue pixels push the
          score for that digit up when they are inked, orange ones push it down. In the first epochs a blurry
          average of each digit appears; later epochs add speckle as the weights start to fit single training images.</p>
          <div class="mnist-weights" id="mnist-weights"></div>
        </section>
        <section class="panel" aria-labelledby="mnist-chart-title">
          <h2 id="mnist-chart-title">Error and accuracy, every 50 images</h2>
          <div class="mnist-chart"><canvas id="mnist-chart" aria-label="Chart of the mean error and the accuracy over every 50 training images, and the test accuracy after each epoch" role="img"></canvas>
            <p class="mnist-chart-empty" id="mnist-chart-empty">${EMPTY_CHART}</p></div>
          <p id="mnist-accuracy" class="mnist-accuracy" aria-live="polite"></p>
        </section>
      </div>
      <div id="mnist-deeper" class="mnist-deeper"></div>
      <section class="panel mnist-why" aria-labelledby="mnist-why-title">
        <h2 id="mnist-why-title">Why alpha matters so much here</h2>
        <p>One step moves each weight by alpha × delta × input, so it moves that digit's prediction by
        alpha × delta × (the sum of its squared pixel values). Divided by 255, a digit's pixels square-sum to about 86
        on average here (22 for the thinnest, 215 for the boldest). With alpha 0.001 a step fixes about a tenth of the
        error; at alpha 0.012 it fixes all of it for an average digit and jumps past the target for a bold one; above
        about 0.023 it lands farther away than it started, the error grows with every image, and training diverges
        (try 0.05). Even below that limit a large alpha makes the weights chase the last few digits they saw, while a
        small one averages over many digits, which is what helps on digits the network has never seen. Measured
        after 10 epochs, test accuracy falls from 80.5% at alpha 0.001 to 79.5% at 0.002, 76.7% at 0.005, 71.4% at
        0.01 and 39.5% at 0.02; at 0.03 training diverges in the first epoch.</p>
        <p>With alpha 0.001 and 10 epochs this network gets about 89% of its 1,000 training digits and about 80.5% of
        the 10,000 test digits right (this page tests on 2,000 of them, every fifth, to keep its download small). The gap is overfitting: 1,000 examples are few for 7,840 weights. A weighted sum of
        pixels cannot do much better; hidden layers, later in the book, can.</p>
        <p class="mnist-note onnx-link"><a href="models/chapter-linear.onnx" download>Download the trained network as ONNX</a>
        (the weights "Load trained weights" uses). Open it in Netron, or run it with onnxruntime: input <code>image</code> [N,784], pixel/255, output <code>scores</code> [N,10].</p>
      </section>
    </article>`;
}
