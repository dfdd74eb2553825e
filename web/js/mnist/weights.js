// The ten weight rows of the 784 -> 10 network as 28x28 pictures, one colour
// scale for all ten (its legend under them). `version` counts the repaints
// (data-version), so a reader can tell the pictures moved.
import { makeCanvas, paintSigned, maxAbs, makeLegend, PIXELS } from '../common/paint.js';

export function createWeightPictures(box, caption = 'weight value (one scale for all ten)') {
  const canvases = [];
  for (let d = 0; d < 10; d++) {
    const figure = document.createElement('figure');
    const canvas = makeCanvas('mnist-weight', `Weights of digit ${d}`);
    const label = document.createElement('figcaption');
    label.textContent = String(d);
    figure.append(canvas, label);
    box.append(figure);
    canvases.push(canvas);
  }
  const legend = makeLegend(caption);
  box.after(legend.element);
  return function paint(weights) {
    const scale = maxAbs(weights) || 1;
    canvases.forEach((canvas, d) => paintSigned(canvas, weights, scale, { offset: d * PIXELS }));
    legend.setScale(scale);
    box.dataset.version = String(Number(box.dataset.version || 0) + 1);
  };
}
