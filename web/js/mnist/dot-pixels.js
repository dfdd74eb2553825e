// "Pixel by pixel" in Dot products: the chosen digit's input, one class's
// weights, and their product, drawn big; pointing at (or tapping, or moving
// the arrow keys over) a pixel reads out input x weight = product there.
// The 784 inputs, weights and products come from the engine in one call each
// (data.input, net.weights, net.contributionsImage), never one per pixel.
import { paintImage, paintSigned, maxAbs, SIDE, PIXELS } from '../common/paint.js';
import { fmt } from '../common/format.js';

export function createPixelInspector({ canvases, readout }) {
  let shown = null;   // { input, weights (10x784), products (784), cls }
  let pixel = -1;
  // A small square over the pixel read, on each of the three pictures.
  const marks = canvases.map((canvas) => {
    const mark = document.createElement('span');
    mark.className = 'dp-px-mark';
    mark.hidden = true;
    mark.setAttribute('aria-hidden', 'true');
    const box = document.createElement('div');
    box.className = 'dp-px-box';
    canvas.replaceWith(box);
    box.append(canvas, mark);
    return mark;
  });

  function read(k) {
    pixel = k;
    if (!shown || k < 0) { readout.textContent = 'Point at a pixel (or tap it) to see its share of the score.'; return; }
    const input = shown.input[k], weight = shown.weights[shown.cls * PIXELS + k], product = shown.products[k];
    const r = Math.floor(k / SIDE), c = k % SIDE;
    readout.dataset.pixel = String(k);
    readout.dataset.product = String(product);
    readout.innerHTML = `pixel ${k} (row ${r}, column ${c}): <span class="dpx-in">input ${fmt(input)}</span> × ` +
      `<span class="dpx-w">weight ${fmt(weight)}</span> = <strong class="dpx-p">${fmt(product)}</strong>`;
    for (const mark of marks) {
      mark.hidden = false;
      mark.style.left = `${(100 * c) / SIDE}%`;
      mark.style.top = `${(100 * r) / SIDE}%`;
    }
  }

  const at = (canvas, event) => {
    const box = canvas.getBoundingClientRect();
    const c = Math.floor(((event.clientX - box.left) / box.width) * SIDE);
    const r = Math.floor(((event.clientY - box.top) / box.height) * SIDE);
    return r >= 0 && r < SIDE && c >= 0 && c < SIDE ? r * SIDE + c : -1;
  };
  for (const canvas of canvases) {
    canvas.addEventListener('pointermove', (e) => { const k = at(canvas, e); if (k >= 0) read(k); });
    canvas.addEventListener('pointerdown', (e) => { const k = at(canvas, e); if (k >= 0) read(k); });
    canvas.tabIndex = 0;
    canvas.addEventListener('keydown', (e) => {
      const move = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -SIDE, ArrowDown: SIDE }[e.key];
      if (!move) return;
      e.preventDefault();
      read(Math.min(PIXELS - 1, Math.max(0, (pixel < 0 ? 14 * SIDE + 14 : pixel) + move)));
    });
  }

  return function show({ input, weights, products, cls }) {
    shown = { input, weights, products, cls };
    const [inputCanvas, weightCanvas, productCanvas] = canvases;
    paintImage(inputCanvas, input);
    paintSigned(weightCanvas, weights, maxAbs(weights, cls * PIXELS, (cls + 1) * PIXELS) || 1, { offset: cls * PIXELS });
    paintSigned(productCanvas, products, maxAbs(products) || 1);
    weightCanvas.setAttribute('aria-label', `The weights of digit ${cls}, drawn big: point at a pixel to read it`);
    productCanvas.setAttribute('aria-label', `Input times the weights of digit ${cls}: point at a pixel to read it`);
    read(pixel);
  };
}
