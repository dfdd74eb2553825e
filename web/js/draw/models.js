// The two networks of the drawing page, fetched when the view opens (bytes
// through the one shared fetch). Each model's state shows on the box
// (data-cnn-model, data-linear-model: "ready" or "failed"); a model that
// cannot load leaves a message and the pad still draws. Returns a promise
// for each load (settled once its state is on the box).
import { fetchBytes, CNN_MODEL_URL, LINEAR_MODEL_URL } from '../common/fetch.js';

export function loadModels(box, reader, { alive, loaded }) {
  const el = (sel) => box.querySelector(sel);
  async function load(url, what, key, apply, ready, message) {
    try {
      const bytes = await fetchBytes(url);
      if (!alive()) return;
      apply(bytes);
      message.textContent = '';
    } catch (error) {
      if (!alive()) return;
      message.textContent = `The ${what} could not be loaded (${error.message}). You can still draw.`;
      message.classList.add('error');
    }
    box.dataset[key] = ready() ? 'ready' : 'failed';
    loaded();
  }
  el('.model-message').textContent = 'Loading the digit network…';
  const cnn = load(CNN_MODEL_URL, 'digit network', 'cnnModel',
    (b) => reader.loadModel(b), () => reader.hasModel(), el('.model-message'));
  const linear = load(LINEAR_MODEL_URL, "chapter's network", 'linearModel',
    (b) => reader.loadLinear(b), () => reader.hasLinear(), el('.linear-message'));
  return { cnn, linear };
}
