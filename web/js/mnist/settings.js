// The MNIST view's settings, owned by the state (the URL): alpha and epochs,
// read with their defaults and limits, and two form controls bound to them
// both ways (an edit writes the state; Back and Forward rewrite the controls).

// Keep in step with wasm/tools/train_linear.cpp, which wrote models/chapter-linear.wlm.
export const DEFAULTS = { alpha: 0.001, epochs: 10, seed: 1 };
export const ALPHAS = [0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05];
export const MAX_EPOCHS = 50;

export function readSettings(state) {
  let alpha = state.number('alpha', DEFAULTS.alpha);
  if (!(alpha > 0 && alpha <= 1)) alpha = DEFAULTS.alpha;
  let epochs = Math.round(state.number('epochs', DEFAULTS.epochs));
  if (!(epochs >= 1 && epochs <= MAX_EPOCHS)) epochs = DEFAULTS.epochs;
  return { alpha, epochs };
}

// The alphas the <select> offers: the usual ones, and the URL's if it is another.
export function alphaChoices(alpha) {
  return ALPHAS.includes(alpha) ? ALPHAS : [...ALPHAS, alpha].sort((a, b) => a - b);
}

export function bindSettings(state, alphaSelect, epochsInput) {
  const onChange = () => {
    const n = Math.round(Number(epochsInput.value));
    state.set({ alpha: alphaSelect.value, epochs: n >= 1 && n <= MAX_EPOCHS ? n : DEFAULTS.epochs });
  };
  alphaSelect.addEventListener('change', onChange);
  epochsInput.addEventListener('change', onChange);
  const unsubscribe = state.subscribe((_, changed) => {
    if (!changed.includes('alpha') && !changed.includes('epochs')) return;
    const next = readSettings(state);
    if (![...alphaSelect.options].some((o) => Number(o.value) === next.alpha)) {
      alphaSelect.add(new Option(String(next.alpha), String(next.alpha)));
    }
    alphaSelect.value = String(next.alpha);
    epochsInput.value = String(next.epochs);
  });
  return () => {
    unsubscribe();
    alphaSelect.removeEventListener('change', onChange);
    epochsInput.removeEventListener('change', onChange);
  };
}
