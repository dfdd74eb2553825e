// The engine: the WASM module, loaded once. DOM-free; every view gets the
// same instance. Everything the page computes about learning goes through it.
import createWeightlab from '../wasm/weightlab.mjs';

let modulePromise = null;

export function loadEngine() {
  modulePromise ??= createWeightlab();
  return modulePromise;
}
