// The weight matrix (rows = outputs, columns = inputs, as the engine stores
// it) coloured by sign, and beside it the outer product that updates it:
// weight_deltas = delta ⊗ input (a column of deltas, a row of inputs, each
// cell their product). What a phase has not computed yet is absent (a "?",
// read as "not computed yet"): the deltas from COMPARE on, the products from
// LEARN (the grid fills cell by cell, instantly under reduced motion), the
// new weights only at their own beat. Indices as the book writes them,
// weights[o][i] (a row per output). Plain
// <table>s with captions, so screen readers get every number. The numbers
// are the trace's; this module only lays them out.
import { tokens, diverging, inkOn, rgb } from '../common/colors.js';
import { fmtHtml as fmt } from '../common/format.js';
import { normaliseNames } from '../common/names.js';
import { escapeHtml, prefersReducedMotion } from '../common/dom.js';
import { maxAbs } from '../common/paint.js';
import { emptyReason, iterationOf, phaseIndex } from '../common/trace.js';

const NOT_YET = '<span aria-hidden="true">?</span><span class="visually-hidden">not computed yet</span>';

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
      <div class="wl-matrix-block" data-part="after"></div>
    </div>
    <p class="wl-chart-note"></p>`;
  container.append(root);
  const parts = Object.fromEntries([...root.querySelectorAll('[data-part]')].map((el) => [el.dataset.part, el]));
  const note = root.querySelector('.wl-chart-note');
  let timer = 0;
  let shown = { trace: null, k: -1, level: -2, cols: 0 };

  function stop() {
    if (timer) clearTimeout(timer);
    timer = 0;
  }

  function paint(td, v, scale, t) {
    const c = diverging(v, scale, { gamma: 0.8, t });
    td.style.backgroundColor = rgb(c);
    td.style.color = inkOn(c, t.ink);
  }

  // A matrix table: rows = outputs, columns = inputs; `values` null: not computed yet.
  function matrixTable(caption, sub, values, nIn, rows, cols, rowNames, colNames, role) {
    let html = `<table class="wl-mtable" data-role="${role}"><caption>${caption}<small>${sub}</small></caption>` +
      `<thead><tr><td></td>${colNames.slice(0, cols).map((n) => `<th scope="col">${n}</th>`).join('')}</tr></thead><tbody>`;
    for (let o = 0; o < rows; o += 1) {
      html += `<tr><th scope="row">${rowNames[o]}</th>`;
      for (let i = 0; i < cols; i += 1) {
        const v = values ? values[o * nIn + i] : NaN;
        html += values ? `<td data-o="${o}" data-i="${i}"${cellAttrs(v)}>${fmt(v)}</td>`
          : `<td data-o="${o}" data-i="${i}" class="wl-tbd">${NOT_YET}</td>`;
      }
      html += '</tr>';
    }
    return `${html}</tbody></table>`;
  }

  function colourCells(table, scale, t) {
    for (const td of table.querySelectorAll('td[data-o]')) {
      if (!td.classList.contains('wl-empty') && !td.classList.contains('wl-tbd')) paint(td, Number(td.dataset.value), scale, t);
    }
  }

  // `shown`: the last phase whose values are on screen (lesson/reveal.js);
  // by default the phase's own.
  function update({ problem, trace, iteration = 0, phase, shown: level = phaseIndex(phase), inputNames, outputNames, names } = {}) {
    const it = iterationOf(trace, iteration);
    if (!problem || !it) {
      stop();
      Object.values(parts).forEach((p) => p.replaceChildren());
      note.textContent = emptyReason(trace);
      shown = { trace: null, k: -1, level: -2, cols: 0 };
      return;
    }
    const { k, nIn, nOut } = it;
    const given = normaliseNames(names);
    const inNames = Array.from({ length: nIn }, (_, i) => inputNames?.[i] ?? given.inputNames[i] ?? `input ${i + 1}`);
    const outNames = Array.from({ length: nOut }, (_, o) => outputNames?.[o] ?? given.outputNames[o] ?? `output ${o + 1}`);
    const cols = Math.min(nIn, options.maxCols ?? MAX_COLS);
    const rows = Math.min(nOut, options.maxRows ?? MAX_ROWS);
    const book = nIn > 1 && nOut > 1;   // the book indexes its 3x3 matrix weights[o][i]
    const rowNames = outNames.map((n, o) => `${escapeHtml(n)}${book ? ` <span class="idx">[${o}]</span>` : ''}`);
    const colNames = inNames.map((n, i) => `${escapeHtml(n)}${book ? ` <span class="idx">[${i}]</span>` : ''}`);
    const hideDelta = level < 1;
    const products = level >= 2;
    const same = shown.trace === trace && shown.k === k && shown.level === level;
    if (same && timer) return; // still filling this very step: let it finish
    const filled = shown.trace === trace && shown.k === k && shown.level >= 2;
    stop();
    const t = tokens(container);
    const input = Array.from(problem.input ?? []);
    const frozen = problem.frozen ?? [];
    const wScale = maxAbs([...it.weightsBefore, ...it.weightsAfter]);

    parts.weights.innerHTML = matrixTable(`weights <span class="mono">before step ${k + 1}</span>`,
      `rows: outputs · columns: inputs${book ? ' · weights[o][i]: row o, column i' : ''}`, it.weightsBefore, nIn, rows, cols, rowNames, colNames, 'weights');
    colourCells(parts.weights, wScale, t);

    // The outer product: names, the input row, the delta column, the grid.
    let html = `<table class="wl-mtable" data-role="outer"><caption>weight_deltas = delta ⊗ input` +
      `<small>each cell: its row's delta × its column's input</small></caption><thead>` +
      `<tr><td></td><th scope="col">delta</th>${colNames.slice(0, cols).map((n) => `<th scope="col">${n}</th>`).join('')}</tr>` +
      `<tr><th scope="row">input</th><td class="wl-corner" aria-label="times">×</td>` +
      `${input.slice(0, cols).map((v, i) => `<td class="wl-vec" data-input="${i}"${cellAttrs(v)}>${fmt(v)}</td>`).join('')}</tr>` +
      `</thead><tbody>`;
    for (let o = 0; o < rows; o += 1) {
      const d = it.delta[o];
      html += `<tr><th scope="row">${rowNames[o]}</th>` +
        `<td class="wl-vec" data-delta="${o}"${hideDelta ? '' : cellAttrs(d)}>${hideDelta ? NOT_YET : fmt(d)}</td>`;
      for (let i = 0; i < cols; i += 1) {
        const w = o * nIn + i;
        const isFrozen = frozen[w] === 1 || frozen[w] === true;
        const v = it.weightDeltas[w];
        const attrs = `data-o="${o}" data-i="${i}"${isFrozen ? ' data-frozen="1" title="frozen: its weight_delta is 0"' : ''}`;
        html += products ? `<td ${attrs}${cellAttrs(v)}${isFrozen ? ' class="wl-frozen"' : ''}>${fmt(v)}</td>`
          : `<td ${attrs} class="wl-tbd${isFrozen ? ' wl-frozen' : ''}">${NOT_YET}</td>`;
      }
      html += '</tr>';
    }
    parts.outer.innerHTML = `${html}</tbody></table>`;
    const outerTable = parts.outer.querySelector('table');
    outerTable.querySelectorAll('td.wl-vec[data-value]').forEach((td) => {
      td.style.color = td.dataset.delta !== undefined ? t.compare : t.predict;
    });
    const pScale = maxAbs(it.weightDeltas);
    const cells = [...outerTable.querySelectorAll('tbody td[data-o]')];

    parts.after.innerHTML = matrixTable(`new weights <span class="mono">after step ${k + 1}</span>`,
      `weights − alpha × weight_deltas (alpha = ${Number.isFinite(problem.alpha) ? Number(problem.alpha.toPrecision(6)) : '—'})`,
      level >= 3 ? it.weightsAfter : null, nIn, rows, cols, rowNames, colNames, 'after');
    colourCells(parts.after, wScale, t);

    const truncated = nIn > cols || nOut > rows;
    note.textContent = 'Colour shows sign and size: negative values shade to orange, positive to blue, zero is white.' +
      `${Array.from(frozen).some(Boolean) ? ' A dashed cell is frozen: its weight_delta is 0.' : ''}` +
      `${truncated ? ` Showing the first ${rows} × ${cols} of ${nOut} × ${nIn} weights.` : ''}`;

    const finish = () => {
      timer = 0;
      root.dataset.state = 'done';
    };
    shown = { trace, k, level, cols };
    if (!products) {
      root.dataset.state = 'done';
      return;
    }
    if (filled || prefersReducedMotion() || options.animate === false) {
      colourCells(outerTable, pScale, t);
      finish();
      return;
    }
    // Fill the grid cell by cell, each lighting up as it gets its product.
    const texts = cells.map((td) => td.innerHTML);
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
      td.innerHTML = texts[n];
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
