// The step as four lines of code, in the core's names; the line the current
// phase executes is highlighted.
import { phaseIndex } from '../common/trace.js';

const LINES = [
  [0, 'pred = weights · input', 'each output: the weighted sum of the inputs'],
  [1, 'error = (pred - target) ** 2', 'how wrong, always positive'],
  [1, 'delta = pred - target', 'how much higher or lower pred should be'],
  [2, 'weight_deltas = outer_product(delta, input)', 'each weight: its output\'s delta × its input'],
  [2, 'weight_deltas[frozen] = 0', 'a frozen weight does not learn'],
  [3, 'weights -= alpha * weight_deltas', 'a small step against the slope'],
];

export function createCode(container) {
  const pre = document.createElement('pre');
  pre.className = 'code';
  pre.setAttribute('aria-label', 'One step of gradient descent, in code');
  pre.innerHTML = LINES.map(([ph, code, note], k) =>
    `<span class="line" data-ph="${ph}" data-line="${k}"><code>${code}</code><span class="comment"># ${note}</span></span>`).join('');
  container.append(pre);
  const lines = [...pre.querySelectorAll('.line')];

  function update({ phase, anyFrozen, active }) {
    const p = active ? phaseIndex(phase) : -1;
    for (const line of lines) {
      line.classList.toggle('current', Number(line.dataset.ph) === p);
      if (line.dataset.line === '4') line.hidden = !anyFrozen;
    }
  }
  return { update, destroy() { pre.remove(); } };
}
