// "Why": the chapter's network's pixel x weight map for any digit (picked by
// tapping its bar, in either network's chart) and the difference of two maps,
// "why A and not B", whose sum is A's score minus B's. Every map and every
// sum comes from the engine (reader.contributions, reader.difference) over
// the drawing it read last; the page only paints them.
//
// Which maps: the picked digit P (the answer until a bar is tapped) and
//   - "and not" left on auto: why the answer and not P (P is not the answer),
//     or why the answer and not the runner-up (P is the answer);
//   - "and not" set to a digit B: why P and not B.
import { paintSigned, PIXELS } from '../common/paint.js';
import { fixed2 } from '../common/format.js';

export function createWhy(box, reader) {
  const el = (sel) => box.querySelector(sel);
  const other = el('.why-other');
  other.innerHTML = `<option value="auto">the answer (auto)</option>${Array.from({ length: 10 }, (_, d) => `<option value="${d}">${d}</option>`).join('')}`;
  let last = null;
  let picked = -1;          // -1: the answer
  let from = 'linear';      // whose bar picked it: 'linear' or 'cnn'

  function clear() {
    for (const sel of ['.why-pick', '.why-diff']) paintSigned(el(sel), null, 1);
    el('.why-pick-caption').textContent = '';
    el('.why-diff-caption').textContent = 'Draw a digit to see why.';
    el('.why-pick').setAttribute('aria-label', 'Pixel times weight for a digit: nothing drawn yet');
    el('.why-diff').setAttribute('aria-label', 'The difference of two maps: nothing drawn yet');
    delete box.dataset.pick;
    delete box.dataset.why;
  }

  function show(out) {
    last = out;
    if (!out || !out.linear) { clear(); return; }
    const top = out.linearTop;
    const p = picked >= 0 ? picked : top;
    let a;
    let b;
    if (other.value === 'auto') {
      a = top;
      b = p === top ? out.linearRunnerUp : p;
    } else {
      a = p;
      b = Number(other.value);
    }
    let map;
    let diff;
    try {
      map = reader.contributions(p);
      diff = reader.difference(a, b);
    } catch (error) {
      el('.why-diff-caption').textContent = `Could not explain: ${error.message}`;
      return;
    }
    let limit = 0;
    for (let i = 0; i < PIXELS; i++) limit = Math.max(limit, Math.abs(map.map[i]), Math.abs(diff.map[i]));
    paintSigned(el('.why-pick'), map.map, limit, { gamma: 0.5 });
    paintSigned(el('.why-diff'), diff.map, limit, { gamma: 0.5 });
    const whose = from === 'cnn' ? " (the chapter's network's map; the CNN has no such sum)" : '';
    el('.why-pick-caption').textContent = `${p}: pixel × weight, sum ${fixed2(map.sum)} = its score${whose}`;
    el('.why-diff-caption').textContent = a === b
      ? `${a} and not ${b}: the same map, sum 0`
      : `why ${a} and not ${b}: ${a}'s map − ${b}'s, sum ${fixed2(diff.sum)} = ${fixed2(out.linear[a])} − ${fixed2(out.linear[b])}`;
    el('.why-pick').setAttribute('aria-label', `Pixel times weight for ${p}; the sum, ${fixed2(map.sum)}, is its score`);
    el('.why-diff').setAttribute('aria-label', `${a}'s map minus ${b}'s; the sum, ${fixed2(diff.sum)}, is how far ${a}'s score is above ${b}'s`);
    box.dataset.pick = String(p);
    box.dataset.why = `${a}-${b}`;
  }

  const onOther = () => show(last);
  other.addEventListener('change', onOther);
  return {
    show,
    // A bar was tapped: digit d of the `source` network's chart.
    pick(d, source) {
      picked = d;
      from = source;
      show(last);
      return picked;
    },
    picked: () => picked,
    destroy() { other.removeEventListener('change', onOther); },
  };
}
