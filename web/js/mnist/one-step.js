// "One image at a time": a network of its own learns the training digits one
// by one, by a button press or at a chosen pace, and shows each step: the
// image, the ten predictions, targets and deltas (net.stepImage, the
// engine's), each output's weight image, and how much it just changed
// (weights after minus before, which is -alpha x delta x image).
import { makeCanvas, paintDigit, paintSigned, maxAbs, makeLegend, PIXELS } from '../common/paint.js';
import { fmt } from '../common/format.js';
import { PACES, DEFAULT_PACE } from './deeper-template.js';
import { DEFAULTS, readSettings } from './settings.js';

export function createOneStep(engine, state, $) {
  const net = new engine.LinearNetwork(DEFAULTS.seed);
  let data = null, next = 0, timer = 0, steps = 0;
  const rows = [];
  const weightLegend = makeLegend('weight value (one scale for all ten)');
  const changeLegend = makeLegend('change in this step: −alpha × delta × image (one scale for all ten)');
  $('deep-one-legends').append(weightLegend.element, changeLegend.element);
  for (let d = 0; d < 10; d++) {
    const tr = document.createElement('tr');
    tr.innerHTML = `<th scope="row">${d}</th><td></td><td></td><td class="num"></td><td class="num deep-target"></td><td class="num"></td>`;
    const weights = makeCanvas('deep-small', `Weights of output ${d}`);
    const change = makeCanvas('deep-small', `How the weights of output ${d} changed in the last step`);
    tr.children[1].append(weights);
    tr.children[2].append(change);
    $('deep-one-rows').append(tr);
    rows.push({ tr, cells: [...tr.children].slice(3, 6), weights, change });
  }
  const pace = () => Number(state.choice('pace', PACES, DEFAULT_PACE));

  function paintWeights(w, change) {
    const ws = maxAbs(w) || 1, cs = change ? maxAbs(change) || 1 : 1;
    rows.forEach((row, d) => {
      paintSigned(row.weights, w, ws, { offset: d * PIXELS });
      paintSigned(row.change, change, cs, { offset: d * PIXELS });
    });
    weightLegend.setScale(ws);
    changeLegend.setScale(cs);
  }

  function showImage(i) {
    paintDigit($('deep-one-image'), data.images(i, i + 1));
    $('deep-one-image').setAttribute('aria-label', `Training digit ${i + 1}, labelled ${data.label(i)}`);
    $('deep-one-caption').textContent = `Training digit ${i + 1} of ${data.count.toLocaleString('en')}: a ${data.label(i)}`;
  }

  // One step on image `next`; returns what the engine reported.
  function step() {
    if (!data) return null;
    const i = next;
    const { alpha } = readSettings(state);
    const before = net.weights();
    const r = net.stepImage(data, i, alpha);
    const after = net.weights();
    const change = after.map((w, k) => w - before[k]);
    showImage(i);
    rows.forEach((row, d) => {
      const target = d === r.label ? 1 : 0;
      row.cells[0].textContent = fmt(r.pred[d], 3);
      row.cells[1].textContent = String(target);
      row.cells[2].textContent = fmt(r.delta[d], 3);
      row.cells[2].dataset.delta = String(r.delta[d]);
      row.tr.classList.toggle('best', target === 1);
    });
    paintWeights(after, change);
    steps += 1;
    next = (i + 1) % data.count;
    const box = $('deep-one-rows');
    box.dataset.image = String(i);
    box.dataset.alpha = String(alpha);
    box.dataset.steps = String(steps);
    $('deep-one-status').textContent = r.diverged
      ? `Diverged: alpha ${alpha} overshoots. Start over with a smaller alpha.`
      : `Step ${steps}: learned digit ${i + 1} (a ${r.label}) at alpha ${alpha}; error before the step ${fmt(r.error)}.`;
    if (r.diverged) pause();
    return r;
  }

  function pause() {
    clearInterval(timer);
    timer = 0;
    $('deep-play').textContent = 'Play slowly';
  }
  function play() {
    if (timer) { pause(); return; }
    timer = setInterval(step, 1000 / pace());
    $('deep-play').textContent = 'Pause';
    step();
  }
  function restart() {
    pause();
    net.reset(DEFAULTS.seed);
    next = 0;
    steps = 0;
    rows.forEach((row) => row.cells.forEach((c) => { c.textContent = ''; }));
    paintWeights(net.weights(), null);
    if (data) showImage(0);
    $('deep-one-status').textContent = `Random weights (seed ${DEFAULTS.seed}). Press "Learn this image" for one step.`;
  }

  $('deep-step').addEventListener('click', () => { pause(); step(); });
  $('deep-play').addEventListener('click', play);
  $('deep-restart').addEventListener('click', restart);
  // The pace lives in the state (the URL); the view keeps one state listener, so this reads it when it changes here.
  $('deep-pace').addEventListener('change', () => {
    state.set({ pace: $('deep-pace').value });
    if (timer) { clearInterval(timer); timer = setInterval(step, 1000 / pace()); }
  });
  restart();

  return {
    setData(d) { data = d; showImage(next); },
    destroy() { pause(); net.delete(); },
  };
}
