// The network diagram: input nodes on the left, output nodes on the right, one
// edge per weight with its value written on it (thickness by |weight|, colour
// by sign). The numbers of the current phase appear where the book puts them:
// pred in the output node, error and delta beside it, weight_deltas and then
// the new weights on the edges. Clicking an edge's label freezes that weight;
// dragging an input's or a target's value up or down scrubs it (onScrub).
// Phase changes move what moves (./diagram-motion.js).
import { fmt } from '../common/format.js';
import { phaseIndex } from '../common/trace.js';
import { weightName } from '../common/names.js';
import { createDiagramMotion } from './diagram-motion.js';
import { bindScrub } from './scrub.js';
import { textWidth, styleReader } from './text-width.js';

const NS = 'http://www.w3.org/2000/svg';
const W = 550, TOP = 12, IN_X = 112, OUT_X = 340, R = 32, FAN_STEP = 33;

function el(name, attrs = {}, parent = null) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.append(node);
  return node;
}

function text(parent, x, y, content, cls, anchor = 'middle') {
  const t = el('text', { x, y, class: cls, 'text-anchor': anchor }, parent);
  t.textContent = content;
  return t;
}

export function createDiagram(container, { inputNames, outputNames, title, onToggle, onScrub }) {
  const nIn = inputNames.length, nOut = outputNames.length;
  const rows = Math.max(nIn, nOut);
  const ROW = nIn > 1 && nOut > 1 ? 116 : 100;
  const H = TOP * 2 + rows * ROW;
  const rowY = (k, n) => TOP + (rows - n) * ROW / 2 + k * ROW + ROW / 2;
  // A group, not an image: its weights, inputs and targets are sliders a
  // keyboard can focus and move (an image's parts are hidden from screen readers).
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'diagram', role: 'group', 'aria-label': title });
  const label = el('title', {}, svg);
  label.textContent = title;
  const gEdges = el('g', {}, svg), gLabels = el('g', {}, svg), gNodes = el('g', {}, svg);

  // With several inputs AND outputs the labels would cross in the middle, so
  // each input fans its weights out in a little column just right of the node
  // (one label per output, in output order), and each edge bends through its label.
  const fan = nIn > 1 && nOut > 1;
  const edges = [];
  for (let o = 0; o < nOut; o++) {
    for (let i = 0; i < nIn; i++) {
      const x1 = IN_X + R, y1 = rowY(i, nIn), x2 = OUT_X - R, y2 = rowY(o, nOut);
      let lx, ly, points;
      if (fan) {
        lx = IN_X + R + 58;
        ly = y1 + (o - (nOut - 1) / 2) * FAN_STEP;
        points = `${x1},${y1} ${lx},${ly} ${x2},${y2}`;
      } else {
        lx = x1 + (x2 - x1) * 0.42;
        ly = y1 + (y2 - y1) * 0.42;
        points = `${x1},${y1} ${x2},${y2}`;
      }
      const line = el('polyline', { points, class: 'edge', fill: 'none' }, gEdges);
      const g = el('g', { class: 'edge-label', 'data-index': o * nIn + i, transform: `translate(${lx.toFixed(1)} ${ly.toFixed(1)})`,
        tabindex: 0, role: 'slider', 'data-key-scrub': 'weight',
        'aria-label': `weight ${weightName(o * nIn + i, nIn, nOut, { inputNames, outputNames })}` }, gLabels);
      const tip = el('title', {}, g);
      tip.textContent = `weight ${weightName(o * nIn + i, nIn, nOut, { inputNames, outputNames })}: click (or Enter) to freeze or unfreeze, arrow keys to change it`;
      const rect = el('rect', { x: -30, y: -12, width: 60, height: 24, rx: 5 }, g);
      const value = text(g, 0, 0, '', 'edge-value');
      value.setAttribute('dominant-baseline', 'central');
      edges.push({ line, g, rect, value });
    }
  }
  const inputs = inputNames.map((name, i) => {
    const y = rowY(i, nIn);
    el('circle', { cx: IN_X, cy: y, r: R, class: 'node input scrub', 'data-scrub': 'input', 'data-index': i,
      tabindex: 0, role: 'slider', 'aria-label': `input ${name}` }, gNodes);
    text(gNodes, IN_X - R - 8, y, name, 'node-name', 'end').setAttribute('dominant-baseline', 'central');
    const value = text(gNodes, IN_X, y, '', 'node-value scrub');
    value.setAttribute('dominant-baseline', 'central');
    Object.assign(value.dataset, { scrub: 'input', index: i });
    return value;
  });
  const outputs = outputNames.map((name, o) => {
    const y = rowY(o, nOut);
    const circle = el('circle', { cx: OUT_X, cy: y, r: R, class: 'node output' }, gNodes);
    const x = OUT_X + R + 10;
    text(gNodes, x, y - 26, `${name}?`, 'node-name', 'start');
    const pred = text(gNodes, OUT_X, y, '', 'node-value pred');
    pred.setAttribute('dominant-baseline', 'central');
    return {
      circle,
      pred,
      target: text(gNodes, x, y - 4, '', 'side target scrub', 'start'),
      error: text(gNodes, x, y + 18, '', 'side error', 'start'),
      delta: text(gNodes, x, y + 40, '', 'side delta', 'start'),
    };
  });
  // Drag handles: an input's circle and value, a target's text (and a wider
  // invisible box around it, for fingers).
  outputs.forEach((out, o) => {
    Object.assign(out.target.dataset, { scrub: 'target', index: o });
    const hit = el('rect', { x: OUT_X + R + 4, y: rowY(o, nOut) - 20, width: 120, height: 30,
      class: 'scrub-hit', 'data-scrub': 'target', 'data-index': o, tabindex: 0, role: 'slider', 'aria-label': `target for ${outputNames[o]}` }, gNodes);
    out.hit = hit;
    el('title', {}, hit).textContent = `target for ${outputNames[o]}: drag up or down to change it`;
  });
  inputNames.forEach((name, i) => {
    el('title', {}, gNodes.querySelector(`circle[data-scrub="input"][data-index="${i}"]`)).textContent =
      `input ${name}: drag up or down to change it`;
  });
  container.append(svg);
  const motion = createDiagramMotion(svg, edges);
  const fields = { input: 'input', target: 'target', weight: 'weights' };
  const scrub = bindScrub(svg, { onScrub, value: (kind, i) => current?.[fields[kind]]?.[i] });
  let current = null;   // the problem on screen

  const onClick = (event) => {
    const g = event.target.closest('.edge-label');
    if (g && onToggle) onToggle(Number(g.dataset.index));
  };
  const onKey = (event) => {   // Enter or Space on a weight's label: as a click
    const g = event.target.closest?.('.edge-label');
    if (!g || !onToggle || (event.key !== 'Enter' && event.key !== ' ')) return;
    event.preventDefault();
    onToggle(Number(g.dataset.index));
  };
  svg.addEventListener('click', onClick);
  svg.addEventListener('keydown', onKey);

  // The labels' font (its size is larger on phones and in projector mode)
  // and the lines' thickness factor (projector mode: 1.8), from the CSS.
  const looks = styleReader(() => {
    const value = getComputedStyle(edges[0]?.value ?? svg);
    return { size: parseFloat(value.fontSize) || 15, family: value.fontFamily || 'monospace',
      thick: parseFloat(getComputedStyle(svg).getPropertyValue('--line-scale')) || 1 };
  });
  const inputCircles = [...gNodes.querySelectorAll('circle[data-scrub="input"]')];
  // A slider's value for screen readers, written only when it changed.
  const slider = (node, v, text) => {
    const now = String(v);
    if (node.getAttribute('aria-valuenow') !== now) node.setAttribute('aria-valuenow', now);
    if (node.getAttribute('aria-valuetext') !== text) node.setAttribute('aria-valuetext', text);
  };
  let lineBox = 24;
  // `live`: mid-drag (the edges' width follows every frame, without the CSS transition).
  function update({ problem, values, phase, live = false }) {
    current = problem;
    const { size, family, thick } = looks();
    lineBox = Math.round(size * 1.6);
    // A node's value in its circle: at the labels' size (monospace, about 0.6 em
    // a character) if it fits, else smaller (the 'long' class).
    const fits = (s) => s.length * size * 0.6 <= 2 * R - 4;
    const p = values ? phaseIndex(phase) : -1;
    svg.setAttribute('class', `diagram phase-${values ? phase : 'none'}${live ? ' live' : ''}`);
    const shown = p === 3 ? values.weightsAfter : values ? values.weightsBefore : problem.weights;
    let scale = 1;
    for (const w of shown) scale = Math.max(scale, Math.abs(w));
    edges.forEach((e, k) => {
      const w = shown[k];
      const frozen = problem.frozen[k] === 1;
      e.line.setAttribute('class', `edge ${w > 0 ? 'pos' : w < 0 ? 'neg' : 'zero'}${frozen ? ' frozen' : ''}`);
      e.line.setAttribute('stroke-width', (thick * (1.5 + 7 * Math.min(1, Math.abs(w) / scale))).toFixed(2));
      const isDelta = p === 2;
      const content = isDelta ? `Δ ${fmt(values.weightDeltas[k])}` : fmt(w);
      if (e.value.textContent !== content) e.value.textContent = content;
      // Bold as lesson.css draws it: a weight_delta or a new weight, unless frozen.
      const bold = (isDelta || p === 3) && !frozen;
      const width = Math.max(44, (textWidth(content, `${bold ? 700 : 400} ${size}px ${family}`) || content.length * 8.6) + 12);
      e.rect.setAttribute('x', (-width / 2).toFixed(1));
      e.rect.setAttribute('height', String(lineBox)); e.rect.setAttribute('y', String(-lineBox / 2 - 1));
      e.rect.setAttribute('width', width.toFixed(1));
      e.g.setAttribute('class', `edge-label${isDelta ? ' delta' : ''}${p === 3 ? ' updated' : ''}${frozen ? ' frozen' : ''}`);
      // Read aloud: the weight the run starts from (what the arrow keys move), and what is shown.
      slider(e.g, problem.weights[k], `${fmt(problem.weights[k])}${frozen ? ', frozen' : ''}` +
        `${content !== fmt(problem.weights[k]) ? `; shown: ${content}` : ''}`);
    });
    inputs.forEach((t, i) => {
      t.textContent = fmt(problem.input[i]);
      t.classList.toggle('long', !fits(t.textContent));
      slider(inputCircles[i], problem.input[i], fmt(problem.input[i]));
    });
    outputs.forEach((out, o) => {
      out.target.textContent = `target ${fmt(problem.target[o])}`;
      slider(out.hit, problem.target[o], fmt(problem.target[o]));
      out.pred.textContent = p >= 0 ? fmt(values.pred[o]) : '';
      out.pred.classList.toggle('long', !fits(out.pred.textContent));
      out.error.textContent = p >= 1 ? `error ${fmt(values.error[o])}` : '';
      out.delta.textContent = p >= 1 ? `delta ${fmt(values.delta[o])}` : '';
    });
    motion.update({ values, phase });
  }

  return {
    update,
    destroy() {
      motion.destroy(); scrub.destroy();
      svg.removeEventListener('click', onClick); svg.removeEventListener('keydown', onKey);
      svg.remove();
    },
  };
}
