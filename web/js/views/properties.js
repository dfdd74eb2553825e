// "delta, weight_delta and three properties": the learner sets toes (the
// first input of the chapter's multi-input example) and sees its weight's
// weight_delta = toes × delta stop (0), reverse (negative) or scale (large),
// on a small network picture and on weight a's error curve. Every number is
// the engine's (engine.run, engine.errorCurve, engine.errorBowl).
import { fmt, clamp } from '../common/format.js';
import { addMessage, showError } from '../status.js';
import { htmlSetter } from '../common/dom.js';
import { baseProblem, inputNames, withInput } from '../concepts/problem.js';
import { createCurve, curveData } from '../concepts/curve.js';
import { diagramSvg } from '../concepts/diagram.js';
import { propertiesHtml, verdict } from '../concepts/properties-template.js';

export function mount(root, { engine, state, section }) {
  root.innerHTML = propertiesHtml(section);
  const $ = (id) => root.querySelector(`#${id}`);
  const base = { ...baseProblem(engine), iterations: 1 };
  const names = inputNames(engine);
  const curve = createCurve($('pr-curve'), { name: 'a' });
  const set = htmlSetter();
  // Beyond ±1000 the curve's numbers leave what a picture can show.
  const LIMIT = 1000;
  const toesOf = () => {
    const asked = state.number('toes', base.input[0]);
    const toes = clamp(asked, -LIMIT, LIMIT);
    if (toes !== asked) addMessage(`toes ${fmt(asked)} is beyond ±${LIMIT}; showing ${fmt(toes)}.`);
    return toes;
  };

  function render() {
    const toes = toesOf();
    const problem = withInput(base, 0, toes);
    const t = engine.run(problem);
    const delta = t.delta[0];
    const wd = Array.from(t.weightDeltas);
    const before = t.weightsBefore[0];
    const after = t.weightsAfter[0];
    const bowl = engine.errorBowl(problem, 0);
    const data = curveData(engine, problem, 0, bowl.from, bowl.to);
    const errorNow = t.error[0];
    const errorNext = data.at(after);
    const v = verdict({ toes, delta, wd: wd[0], before, after, errorNow, errorNext });
    root.querySelectorAll('[data-toes]').forEach((b) => b.setAttribute('aria-pressed', String(Number(b.dataset.toes) === toes)));
    $('pr-range').value = String(toes);
    if (Number($('pr-number').value) !== toes || $('pr-number').value === '') $('pr-number').value = String(toes);
    const box = $('pr-verdict');
    box.textContent = v.text;
    box.dataset.property = v.property;
    box.dataset.weightDelta = String(wd[0]);
    set($('pr-sum'), `pred ${fmt(t.pred[0])} − target ${fmt(problem.target[0])} = delta ${fmt(delta)}<br>` +
      `weight_delta(a) = toes ${fmt(toes)} × delta ${fmt(delta)} = <b>${fmt(wd[0])}</b>`);
    curve.update({ ...data, point: { x: before, y: errorNow }, next: { x: after, y: errorNext },
      label: `Error curve of weight a with toes ${fmt(toes)}: a is at ${fmt(before)} with error ${fmt(errorNow)}; its step takes it to ${fmt(after)}, error ${fmt(errorNext)}.` });
    const inputs = names.map((name, i) => ({ name, value: problem.input[i], wd: wd[i] }));
    set($('pr-diagram'), diagramSvg({ inputs, delta, focus: 0,
      label: `The network: delta ${fmt(delta)} at the output; weight_deltas ${inputs.map((x) => `${x.name} ${fmt(x.wd)}`).join(', ')}.` }));
    set($('pr-rows'), inputs.map((x, i) => `<tr${i === 0 ? ' class="focus"' : ''}><th scope="row">${String.fromCharCode(97 + i)} (${x.name})</th>` +
      `<td>${fmt(x.value)}</td><td>${fmt(delta)}</td><td data-wd="${i}">${fmt(x.wd)}</td>` +
      `<td>${fmt(t.weightsBefore[i])} → ${fmt(t.weightsAfter[i])}</td></tr>`).join(''));
  }

  const choose = (value) => { if (Number.isFinite(value)) state.set({ toes: value }); };
  root.querySelectorAll('[data-toes]').forEach((b) => b.addEventListener('click', () => choose(Number(b.dataset.toes))));
  $('pr-range').addEventListener('input', (e) => choose(Number(e.target.value)));
  $('pr-number').addEventListener('change', (e) => { if (e.target.value !== '') choose(Number(e.target.value)); });
  const safely = () => { try { render(); } catch (error) { showError(error); } };
  const unsubscribe = state.subscribe((_v, changed) => { if (changed.includes('toes')) safely(); });
  safely();
  return unsubscribe;
}
