// The five editable vectors: one row of four number fields per vector. An
// edit that is a number within the limit goes to the state; anything else
// marks the field invalid and leaves the state alone.
import { NAMES, LIMIT, readAll, writeVector } from './model.js';

export function createEditor(tbody, state) {
  tbody.innerHTML = NAMES.map((n) => `<tr><th scope="row">${n}</th>${[0, 1, 2, 3].map((k) =>
    `<td><input type="number" step="0.5" min="-${LIMIT}" max="${LIMIT}" data-v="${n}" data-k="${k}" aria-label="${n}[${k}]"></td>`).join('')}</tr>`).join('');
  const fields = [...tbody.querySelectorAll('input')];

  tbody.addEventListener('input', (event) => {
    const field = event.target;
    const value = Number(field.value);
    const ok = field.value.trim() !== '' && Number.isFinite(value) && Math.abs(value) <= LIMIT;
    field.setAttribute('aria-invalid', String(!ok));
    if (!ok) return;
    const name = field.dataset.v;
    const values = readAll(state)[name].slice();
    values[Number(field.dataset.k)] = value;
    writeVector(state, name, values);
  });

  // Shows the state's values (a field being typed in keeps its own text).
  return function show(vectors) {
    for (const f of fields) {
      const v = vectors[f.dataset.v][Number(f.dataset.k)];
      if (document.activeElement !== f || Number(f.value) !== v) f.value = String(v);
      f.removeAttribute('aria-invalid');
    }
  };
}
