// The pad's controls: the pen width (a setting of the state, `pen`), Undo and
// Clear (buttons, and keys on the canvas: Backspace or Ctrl+Z, Escape or Delete).
import { PEN } from './template.js';

export const penWidth = (state) => Math.min(PEN.max, Math.max(PEN.min, Math.round(state.number('pen', PEN.standard))));

export function bindPadControls(box, pad, state) {
  const el = (sel) => box.querySelector(sel);
  const canvas = el('canvas.pad');
  const widthInput = el('.pad-width input');
  function syncWidth() {
    const w = penWidth(state);
    widthInput.value = String(w);
    el('.pad-width-value').textContent = `${w}`;
    pad.setWidth(w);
  }
  syncWidth();

  const onWidth = () => state.set({ pen: widthInput.value });
  const onUndo = () => pad.undo();
  const onClear = () => pad.clear();
  const onKey = (event) => {
    const undo = event.key === 'Backspace' || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z');
    const clear = event.key === 'Escape' || event.key === 'Delete';
    if (!undo && !clear) return;
    event.preventDefault();
    if (undo) pad.undo(); else pad.clear();
  };
  widthInput.addEventListener('input', onWidth);
  el('.pad-undo').addEventListener('click', onUndo);
  el('.pad-clear').addEventListener('click', onClear);
  canvas.addEventListener('keydown', onKey);

  return {
    // The state changed (the view's one subscription calls this).
    onState(changed) { if (changed.includes('pen')) syncWidth(); },
    // Undo and Clear have something to do only when there are strokes.
    update() {
      el('.pad-undo').disabled = pad.strokeCount() === 0;
      el('.pad-clear').disabled = pad.strokeCount() === 0;
    },
    destroy() {
      widthInput.removeEventListener('input', onWidth);
      el('.pad-undo').removeEventListener('click', onUndo);
      el('.pad-clear').removeEventListener('click', onClear);
      canvas.removeEventListener('keydown', onKey);
    },
  };
}
