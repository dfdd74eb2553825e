// "Play with it": every input, target, initial weight (with its freeze box),
// alpha and the number of iterations as form fields. Each edit hands the whole
// candidate problem to onEdit (which runs the engine and reports errors); a
// reset returns to the book's values.
import { weightNames } from '../common/names.js';

let uid = 0;

export function createSettings(container, { inputNames, outputNames, legend, onEdit, onReset }) {
  const id = `set${++uid}`;
  const names = weightNames(inputNames, outputNames);
  const field = (key, k, label, { step = 'any', extra = '', cls = 'field' } = {}) =>
    `<span class="${cls}"><label for="${id}-${key}${k}">${label}</label>` +
    `<input type="number" inputmode="decimal" step="${step}" id="${id}-${key}${k}" data-key="${key}" data-k="${k}">${extra}</span>`;
  const form = document.createElement('form');
  form.className = 'settings';
  form.noValidate = true;
  form.innerHTML = `
    <fieldset><legend>${legend}</legend>
      <div class="fields"><span class="group-label">Inputs</span>${inputNames.map((n, k) => field('input', k, n)).join('')}</div>
      <div class="fields"><span class="group-label">Targets</span>${outputNames.map((n, k) => field('target', k, n)).join('')}</div>
      <div class="fields weights-fields"><span class="group-label">Starting weights</span>${names.map((n, k) => field('weights', k, n, {
        cls: 'field weight-field',
        extra: `<label class="freeze"><input type="checkbox" data-key="frozen" data-k="${k}" aria-label="freeze weight ${n}"> freeze</label>`,
      })).join('')}</div>
      <div class="fields"><span class="group-label">Learning</span>${field('alpha', 0, 'alpha')}${field('iterations', 0, 'iterations', { step: '1' })}</div>
      <button type="button" class="reset-values">Book's values</button>
    </fieldset>`;
  container.append(form);
  const inputs = [...form.querySelectorAll('input')];
  let current = null;

  function read() {
    const next = {
      input: [...current.input], target: [...current.target], weights: [...current.weights],
      frozen: [...current.frozen], alpha: current.alpha, iterations: current.iterations,
    };
    for (const input of inputs) {
      const { key, k } = input.dataset;
      const value = input.type === 'checkbox' ? (input.checked ? 1 : 0)
        : input.value.trim() === '' ? NaN : Number(input.value);
      if (Array.isArray(next[key])) next[key][Number(k)] = value; else next[key] = value;
    }
    return next;
  }

  const onInput = (event) => {
    const ok = onEdit(read());
    event.target.setAttribute('aria-invalid', ok ? 'false' : 'true');
    if (ok) for (const input of inputs) input.removeAttribute('aria-invalid');
  };
  const onClick = (event) => { if (event.target.closest('.reset-values')) onReset(); };
  form.addEventListener('input', onInput);
  form.addEventListener('click', onClick);

  // Show `problem` in the fields, leaving alone a field being typed in whose
  // text already means the same number ("0.10" stays "0.10").
  function update(problem) {
    current = problem;
    for (const input of inputs) {
      const { key, k } = input.dataset;
      const value = Array.isArray(problem[key]) ? problem[key][Number(k)] : problem[key];
      if (input.type === 'checkbox') { input.checked = value === 1; continue; }
      if (document.activeElement === input && Number(input.value) === value && input.value.trim() !== '') continue;
      if (document.activeElement === input && input.getAttribute('aria-invalid') === 'true') continue;
      const text = Number.isFinite(value) ? String(value) : '';
      if (input.value !== text) input.value = text;   // a drag frame rewrites no field that already says it
    }
  }
  function clearInvalid() { for (const input of inputs) input.removeAttribute('aria-invalid'); }

  return { update, clearInvalid, destroy() { form.removeEventListener('input', onInput); form.removeEventListener('click', onClick); form.remove(); } };
}
