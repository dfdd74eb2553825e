// What moves on the diagram when the phase moves one beat forward: at Learn
// each output's delta travels back along its edges to the inputs (a dot per
// edge), at the new weights each edge's number slides from the old weight to
// the new one. At most MAX_MS; under reduced motion nothing moves and the
// final state is drawn at once. While something moves, the svg carries
// data-moving="learn" or "update" (the tests read it).
import { fmt } from '../common/format.js';
import { tween, lerp, motionAllowed } from '../common/motion.js';

const NS = 'http://www.w3.org/2000/svg';
const same = (a, b) => a && b && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

export function createDiagramMotion(svg, edges) {
  let last = null;        // { phase, before } of the last update
  let cancel = () => {};
  const layer = document.createElementNS(NS, 'g');
  layer.setAttribute('class', 'motion');
  layer.setAttribute('aria-hidden', 'true');
  svg.append(layer);

  let ghosts = [];         // the sliding numbers (see slide())
  function clear() {
    layer.replaceChildren();
    for (const g of ghosts) g.remove();
    ghosts = [];
    for (const e of edges) e.g.classList.remove('sliding');
    delete svg.dataset.moving;
  }
  function stop() {
    cancel(); cancel = () => {};
    clear();
  }

  // The delta going back: one dot per edge, from the output end to the input end.
  function travel() {
    const dots = edges.map((e) => {
      const dot = document.createElementNS(NS, 'circle');
      dot.setAttribute('r', '6');
      dot.setAttribute('class', 'pulse');
      layer.append(dot);
      let length = 0;
      try { length = e.line.getTotalLength(); } catch { /* not laid out */ }
      return { dot, line: e.line, length };
    });
    return (t) => {
      for (const d of dots) {
        if (!d.length) continue;
        const p = d.line.getPointAtLength(d.length * (1 - t));
        d.dot.setAttribute('cx', p.x.toFixed(1)); d.dot.setAttribute('cy', p.y.toFixed(1));
        d.dot.setAttribute('opacity', (t < 0.85 ? 1 : (1 - t) / 0.15).toFixed(2));
      }
    };
  }

  // Each weight's number sliding from its old value to its new one: drawn by
  // a copy over the label (hidden from assistive technology), while the
  // label's own text holds the exact new weight all along (for reading, and
  // for anything that reads the page), invisible until the slide ends.
  function slide(before, after) {
    ghosts = edges.map((e) => {
      const ghost = e.value.cloneNode(false);
      ghost.classList.add('ghost');
      ghost.setAttribute('aria-hidden', 'true');
      e.g.append(ghost);
      e.g.classList.add('sliding');
      return ghost;
    });
    return (t) => ghosts.forEach((ghost, k) => { ghost.textContent = fmt(lerp(before[k], after[k], t)); });
  }

  function update({ values, phase }) {
    const before = values?.weightsBefore ?? null;
    const from = last;
    last = { phase, before };
    stop();
    if (!values || !from || !same(from.before, before) || !motionAllowed()) return;
    let frame = null;
    if (from.phase === 'compare' && phase === 'learn') frame = travel();
    else if (from.phase === 'learn' && phase === 'update') frame = slide(values.weightsBefore, values.weightsAfter);
    if (!frame) return;
    svg.dataset.moving = phase;
    cancel = tween(frame, { done: clear });
  }

  return { update, destroy: stop };
}
