// The weight matrix (rows = outputs, columns = inputs, as the engine stores
// it) coloured by sign, and beside it the outer product that updates it:
// weight_deltas = delta ⊗ input (a column of deltas, a row of inputs, each
// cell their product). In the LEARN phase the product grid fills cell by cell
// (instantly under reduced motion), then the updated matrix appears. Plain
// <table>s with captions, so screen readers get every number. The numbers
// are the trace's; this module only lays them out.
import { tokens, diverging, inkOn, rgb } from '../common/colors.js';
import { fmt } from '../common/format.js';
import { normaliseNames } from '../common/names.js';
import { escapeHtml, prefersReducedMotion } from '../common/dom.js';
import { maxAbs } from '../common/paint.js';
import { emptyReason, iterationOf, isLearn, isPredict } from '../common/trace.js';

const MAX_COLS = 12;
const MAX_ROWS = 10;
const CELL_MS = 90;

const cellAttrs = (v) => (Number.isFinite(v) ? ` data-value="${v}"` : '');

export function createWeightMatrix(container, options = {}) {
  const root = document.createElement('div');
  root.className = 'wl-matrix-wrap';
  root.innerHTML = `
    <div class="wl-matrix">
      <div class="wl-matrix-block" data-part="weights"></div>
      <div class="wl-matrix-block" data-part="outer"></div>
      <div class="wl-matrix-block" data-part="after" hidden></div>
    </div>
    <p class="wl-chart-note"></p>`;
  container.append(root);
  const parts = Object.fromEntries([...root.querySelectorAll('[data-part]')].map((el) => [el.dataset.part, el]));
  const note = root.querySelector('.wl-chart-note');
  let timer = 0;
  let shown = { trace: null, k: -1, phase: null, cols: 0 };

  function stop() {
    if (timer) clearTimeout(timer);
    timer = 0;
  }

  function paint(td, v, scale, t) {
    const c = diverging(v, scale, { gamma: 0.8, t });
    td.style.backgroundColor = rgb(c);
    td.style.color = inkOn(c, t.ink);
  }

  // A matrix table: rows = outputs, columns = inputs.
  function matrixTable(caption, sub, values, nIn, rows, cols, rowNames, colNames, role) {
    let html = `<table class="wl-mtable" data-role="${role}"><caption>${caption}<small>${sub}</small></caption>` +
      `<thead><tr><td></td>${colNames.slice(0, cols).map((n) => `<th scope="col">${escapeHtml(n)}</th>`).join('')}</tr></thead><tbody>`;
    for (let o = 0; o < rows; o += 1) {
      html += `<tr><th scope="row">${escapeHtml(rowNames[o])}</th>`;
      for (let i = 0; i < cols; i += 1) {
        const v = values[o * nIn + i];
        html += `<td data-o="${o}" data-i="${i}"${cellAttrs(v)}>${fmt(v)}</td>`;
      }
      html += '</tr>';
    }
    return `${html}</tbody></table>`;
  }

  function colourCells(table, scale, t) {
    for (const td of table.querySelectorAll('td[data-o]')) {
      if (!td.classList.contains('wl-empty')) paint(td, Number(td.dataset.value), scale, t);
    }
  }

  function update({ problem, trace, iteration = 0, phase, inputNames, outputNames, names } = {}) {
    const it = iterationOf(trace, iteration);
    if (!problem || !it) {
      stop();
      Object.values(parts).forEach((p) => p.replaceChildren());
      note.textContent = emptyReason(trace);
      shown = { trace: null, k: -1, phase: null, cols: 0 };
      return;
    }
    const { k, nIn, nOut } = it;
    const given = normaliseNames(names);
    const inNames = Array.from({ length: nIn }, (_, i) => inputNames?.[i] ?? given.inputNames[i] ?? `input ${i + 1}`);
    const outNames = Array.from({ length: nOut }, (_, o) => outputNames?.[o] ?? given.outputNames[o] ?? `output ${o + 1}`);
    const cols = Math.min(nIn, options.maxCols ?? MAX_COLS);
    const rows = Math.min(nOut, options.maxRows ?? MAX_ROWS);
    const learn = isLearn(phase);
    const hideDelta = isPredict(phase);
    const phaseKey = String(phase ?? '');
    const same = shown.trace === trace && shown.k === k && shown.phase === phaseKey;
    if (same && timer) return; // still filling this very step: let it finish
    stop();
    const t = tokens(container);
    const input = Array.from(problem.input ?? []);
    const frozen = problem.frozen ?? [];
    const wScale = maxAbs([...it.weightsBefore, ...it.weightsAfter]);

    parts.weights.innerHTML = matrixTable(`weights <span class="mono">before step ${k + 1}</span>`,
      'rows: outputs · columns: inputs', it.weightsBefore, nIn, rows, cols, outNames, inNames, 'weights');
    colourCells(parts.weights, wScale, t);

    // The outer product: names, the input row, the delta column, the grid.
    const products = it.weightDeltas;
    let html = `<table class="wl-mtable" data-role="outer"><caption>weight_deltas = delta ⊗ input` +
      `<small>each cell: its row's delta × its column's input</small></caption><thead>` +
      `<tr><td></td><th scope="col">delta</th>${inNames.slice(0, cols).map((n) => `<th scope="col">${escapeHtml(n)}</th>`).join('')}</tr>` +
      `<tr><th scope="row">input</th><td class="wl-corner" aria-label="times">×</td>` +
      `${input.slice(0, cols).map((v, i) => `<td class="wl-vec" data-input="${i}"${cellAttrs(v)}>${fmt(v)}</td>`).join('')}</tr>` +
      `</thead><tbody>`;
    for (let o = 0; o < rows; o += 1) {
      const d = it.delta[o];
      html += `<tr><th scope="row">${escapeHtml(outNames[o])}</th>` +
        `<td class="wl-vec" data-delta="${o}"${hideDelta ? '' : cellAttrs(d)}>${hideDelta ? '?' : fmt(d)}</td>`;
      for (let i = 0; i < cols; i += 1) {
        const w = o * nIn + i;
        const isFrozen = frozen[w] === 1 || frozen[w] === true;
        const v = products[w];
        html += `<td data-o="${o}" data-i="${i}"${cellAttrs(v)}${isFrozen ? ' class="wl-frozen" title="frozen: its weight_delta is 0"' : ''}>${fmt(v)}</td>`;
      }
      html += '</tr>';
    }
    parts.outer.innerHTML = `${html}</tbody></table>`;
    const outerTable = parts.outer.querySelector('table');
    outerTable.querySelectorAll('td.wl-vec[data-value]').forEach((td) => {
      td.style.color = td.dataset.delta !== undefined ? t.compare : t.predict;
    });
    const pScale = maxAbs(products);
    const cells = [...outerTable.querySelectorAll('tbody td[data-o]')];

    parts.after.innerHTML = matrixTable(`new weights <span class="mono">after step ${k + 1}</span>`,
      `weights − alpha × weight_deltas (alpha = ${Number.isFinite(problem.alpha) ? Number(problem.alpha.toPrecision(6)) : '—'})`, it.weightsAfter, nIn, rows, cols, outNames, inNames, 'after');
    colourCells(parts.after, wScale, t);
    parts.after.hidden = true;

    const truncated = nIn > cols || nOut > rows;
    note.textContent = 'Colour shows sign and size: negative values shade to orange, positive to blue, zero is white.' +
      `${Array.from(frozen).some(Boolean) ? ' A dashed cell is frozen: its weight_delta is 0.' : ''}` +
      `${truncated ? ` Showing the first ${rows} × ${cols} of ${nOut} × ${nIn} weights.` : ''}`;

    const finish = () => {
      timer = 0;
      parts.after.hidden = !learn;
      root.dataset.state = 'done';
    };
    shown = { trace, k, phase: phaseKey, cols };
    if (!learn) {
      // Before LEARN the products are not computed yet.
      cells.forEach((td) => { td.classList.add('wl-empty'); td.textContent = '·'; });
      root.dataset.state = 'done';
      return;
    }
    if (same || prefersReducedMotion() || options.animate === false) {
      colourCells(outerTable, pScale, t);
      finish();
      return;
    }
    // Fill the grid cell by cell, each lighting up as it gets its product.
    const texts = cells.map((td) => td.textContent);
    cells.forEach((td) => { td.classList.add('wl-empty'); });
    root.dataset.state = 'filling';
    const per = cells.length <= 24 ? CELL_MS : Math.max(16, Math.round(2000 / cells.length));
    let n = 0;
    const step = () => {
      if (n > 0) cells[n - 1].classList.remove('wl-fresh');
      if (n >= cells.length) { finish(); return; }
      const td = cells[n];
      td.classList.remove('wl-empty');
      td.classList.add('wl-fresh');
      td.textContent = texts[n];
      paint(td, Number(td.dataset.value), pScale, t);
      n += 1;
      timer = setTimeout(step, per);
    };
    step();
  }

  function destroy() {
    stop();
    root.remove();
  }

  return { update, destroy };
}
