// "Curves are slices of one shape": the chapter's freeze example run step by
// step, each weight's error curve taken through the current weights
// (engine.errorCurve), its curvature (engine.errorBowl) beside input²; the
// learner freezes any weight and sees the other cuts move.
import { fmt } from '../common/format.js';
import { baseProblem, inputNames } from '../concepts/problem.js';
import { createCurve, curveData } from '../concepts/curve.js';
import { slicesHtml } from '../concepts/slices-template.js';

const STEPS = 8;   // the book's freeze run (alpha 0.3), a few steps longer

export function mount(root, { engine, state, section }) {
  const names = inputNames(engine, 'freeze');
  root.innerHTML = slicesHtml(section, names);
  const $ = (id) => root.querySelector(`#${id}`);
  const base = { ...baseProblem(engine, 'freeze'), iterations: STEPS };
  const cards = names.map((name, w) => {
    const box = document.createElement('figure');
    box.className = 'cc-slice';
    $('sl-curves').append(box);
    const curve = createCurve(box, { name: String.fromCharCode(97 + w) });
    const cap = document.createElement('figcaption');
    box.append(cap);
    return { curve, cap };
  });
  let timer = null;

  const frozen = () => {
    const f = state.get('fz');
    return /^[01]{3}$/.test(f ?? '') ? [...f].map(Number) : base.frozen;
  };
  const problem = () => ({ ...base, frozen: frozen() });

  function render() {
    const p = problem();
    const t = engine.run(p);
    const k = Math.min(Math.max(1, Math.round(state.number('k', 1))), t.steps) - 1;
    const n = t.nIn;
    const at = { ...p, weights: Array.from(t.weightsBefore.slice(k * n, k * n + n)) };
    $('sl-step').max = String(t.steps);
    $('sl-step').value = String(k + 1);
    $('sl-at').textContent = `${k + 1} of ${t.steps}`;
    root.querySelectorAll('[data-freeze]').forEach((c) => { c.checked = p.frozen[Number(c.dataset.freeze)] === 1; });
    cards.forEach(({ curve, cap }, w) => {
      const bowl = engine.errorBowl(p, w, k);
      const data = curveData(engine, at, w, bowl.from, bowl.to);
      const x = t.weightsBefore[k * n + w];
      const next = t.weightsAfter[k * n + w];
      const name = String.fromCharCode(97 + w);
      curve.update({ ...data, point: { x, y: t.error[k] }, next: { x: next, y: data.at(next) },
        label: `Slice through weight ${name} at step ${k + 1}: ${name} = ${fmt(x)}, error ${fmt(t.error[k])}${p.frozen[w] ? ', frozen' : `, stepping to ${fmt(next)}`}.` });
      const input = p.input[w];
      cap.innerHTML = `<b>${name}</b> (${names[w]})${p.frozen[w] ? ' <span class="cc-tag">frozen</span>' : ''}<br>` +
        `input ${fmt(input)}, input² ${fmt(input * input)}<br>curvature <span data-curvature="${w}">${fmt(bowl.curvature)}</span> (= 2 × input²)`;
      cap.dataset.x = String(x);
    });
    $('sl-verdict').textContent = `Step ${k + 1}: error ${fmt(t.error[k])}. Weights a, b, c = ${Array.from(at.weights, (v) => fmt(v)).join(', ')}.` +
      (t.divergedAt >= 0 ? ` At alpha ${fmt(p.alpha)} a free weight a overshoots and the error grows from step ${t.divergedAt + 1}: freeze a, or see Normalize.` : '');
    if (timer && k + 1 >= t.steps) stop();
  }

  const steps = () => Number($('sl-step').max);
  const go = (k) => state.set({ k: Math.min(Math.max(1, k), steps()) });
  function stop() { clearInterval(timer); timer = null; $('sl-play').textContent = 'Play'; }
  $('sl-play').addEventListener('click', () => {
    if (timer) { stop(); return; }
    if (state.number('k', 1) >= steps()) go(1);
    $('sl-play').textContent = 'Pause';
    timer = setInterval(() => go(state.number('k', 1) + 1), 700);
  });
  $('sl-back').addEventListener('click', () => go(state.number('k', 1) - 1));
  $('sl-next').addEventListener('click', () => go(state.number('k', 1) + 1));
  $('sl-step').addEventListener('input', (e) => go(Number(e.target.value)));
  root.querySelectorAll('[data-freeze]').forEach((c) => c.addEventListener('change', () => {
    const f = frozen().slice();
    f[Number(c.dataset.freeze)] = c.checked ? 1 : 0;
    state.set({ fz: f.join('') });
  }));
  const unsubscribe = state.subscribe((_v, changed) => { if (changed.includes('k') || changed.includes('fz')) render(); });
  render();
  return () => { stop(); unsubscribe(); };
}
