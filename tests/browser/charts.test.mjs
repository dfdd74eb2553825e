// The chart components (web/js/charts/*.js) mounted on the real page with the
// real engine: what they draw must be the engine's numbers (the dot on the
// error curve, the tangent's slope 2*weight_delta, the outer product), a frozen
// weight's bowl must slide under a still dot, and runaway runs (diverging,
// overflowed) must draw without NaN or console errors, at 375 px and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, screenshot, makeCharts } from './harness.mjs';

// One page for the whole file (loading the page is the slow part on a busy
// machine); each test empties <main> and mounts its own components.
let browser;
let page;
before(async () => {
  browser = await startBrowser();
  page = await browser.open('/?s=multi-input', { width: 375, height: 800 });
});
after(async () => { await browser?.close(); });

// In the page: a fresh panel under <main> (removes the view's content so the
// screenshot shows the charts), plus helpers on window.__charts.
async function setup(page) {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.evaluate(async () => {
    const engine = await window.weightlab;
    await (await import('/js/vendor.js')).loadChartJs();   // loaded on demand, when a chart is due
    const main = document.getElementById('view');
    main.replaceChildren();
    const run = (id, patch = {}) => {
      const problem = { ...engine.example(id), ...patch };
      return { problem, trace: engine.run(problem) };
    };
    const names = (id) => {
      const ex = engine.examples().find((e) => e.id === id);
      return { inputNames: ex.inputNames, outputNames: ex.outputNames };
    };
    const panel = (title) => {
      const section = document.createElement('section');
      section.className = 'panel';
      section.innerHTML = `<h2>${title}</h2>`;
      main.append(section);
      return section;
    };
    window.__charts = { engine, run, names, panel };
  });
}

async function noNaN(page) {
  const text = await page.evaluate(() => document.body.innerText + document.body.innerHTML);
  assert.doesNotMatch(text, /NaN|Infinity/);
}

test('error curves: the engine\'s error at the dot, tangent slope 2*weight_delta, one chart per input weight', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await setup(page);
  const result = await page.evaluate(async () => {
    const { createErrorCurves } = await import('/js/charts/error-curves.js');
    const { engine, run, names, panel } = window.__charts;
    const { problem, trace } = run('multi-input');
    const curves = createErrorCurves(panel('Error curves, multi-input'), engine);
    const out = [];
    for (let k = 0; k < trace.steps; k += 1) {
      curves.update({ problem, trace, iteration: k, phase: 'learn', names: names('multi-input') });
      const canvases = [...document.querySelectorAll('.wl-curve canvas')];
      out.push(canvases.map((c) => {
        const ds = Object.fromEntries(window.Chart.getChart(c).data.datasets.map((d) => [d.label, d.data]));
        return { curve: ds.error.length, finite: ds.error.every((p) => Number.isFinite(p.y)),
          dot: ds.now[0], tangent: ds.tangent, next: ds.next[0] };
      }));
    }
    const expected = {
      error: [...trace.error], weightDeltas: [...trace.weightDeltas],
      weightsBefore: [...trace.weightsBefore], weightsAfter: [...trace.weightsAfter],
    };
    const titles = [...document.querySelectorAll('.wl-curve-title')].map((e) => e.textContent);
    return { out, expected, titles, steps: trace.steps };
  });
  assert.equal(result.steps, 3);
  assert.deepEqual(result.titles.map((t) => t.trim()), ['a toes', 'b wlrec', 'c nfans']);
  result.out.forEach((charts, k) => {
    assert.equal(charts.length, 3, 'one canvas per input weight');
    charts.forEach((c, w) => {
      assert.equal(c.curve, 61);
      assert.ok(c.finite);
      assert.equal(c.dot.x, result.expected.weightsBefore[k * 3 + w]);
      assert.equal(c.dot.y, result.expected.error[k], 'dot at the engine\'s error');
      const [p, q] = c.tangent;
      const slope = (q.y - p.y) / (q.x - p.x);
      const want = 2 * result.expected.weightDeltas[k * 3 + w];
      assert.ok(Math.abs(slope - want) <= 1e-9 * Math.max(1, Math.abs(want)), `slope ${slope} vs ${want}`);
      assert.equal(c.next.x, result.expected.weightsAfter[k * 3 + w], 'LEARN shows where the dot goes');
    });
  });
  // The book's first step: error .0196 at a = 0.1, weight_delta -1.19 → slope -2.38.
  assert.ok(Math.abs(result.out[0][0].dot.y - 0.0196) < 1e-12);
  await noNaN(page);
  await screenshot(page, 'charts-curves-375');
  assert.deepEqual(page.problems, []);
});

test('error curves: a frozen weight keeps its dot while its bowl slides', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await setup(page);
  const r = await page.evaluate(async () => {
    const { createErrorCurves } = await import('/js/charts/error-curves.js');
    const { engine, run, names, panel } = window.__charts;
    const { problem, trace } = run('freeze');
    const curves = createErrorCurves(panel('Error curves, weight a frozen'), engine);
    const dots = []; const minima = []; let badge = '';
    for (let k = 0; k < trace.steps; k += 1) {
      curves.update({ problem, trace, iteration: k, phase: 'compare', names: names('freeze') });
      const chart = window.Chart.getChart(document.querySelector('.wl-curve canvas'));
      const ds = Object.fromEntries(chart.data.datasets.map((d) => [d.label, d.data]));
      dots.push(ds.now[0].x);
      minima.push(ds.error.reduce((m, p) => (p.y < m.y ? p : m)).x);
      badge = document.querySelector('.wl-curve').textContent;
    }
    return { dots, minima, badge };
  });
  assert.ok(r.dots.every((x) => x === 0.1), `frozen dot stays at 0.1: ${r.dots}`);
  assert.ok(Math.abs(r.minima[0] - r.minima[2]) > 1e-3, `bowl moves: ${r.minima}`);
  assert.match(r.badge, /frozen/);
  await noNaN(page);
  await screenshot(page, 'charts-curves-1280');
  assert.deepEqual(page.problems, []);
});

test('error surface: a heatmap with pixels, the path has steps + 1 points, at 375 and 1280 px', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await setup(page);
  const mount = () => page.evaluate(async () => {
    const { createErrorSurface } = await import('/js/charts/error-surface.js');
    const { engine, run, names, panel } = window.__charts;
    document.getElementById('view').replaceChildren();
    const out = [];
    for (const [id, x, y] of [['multi-input', 0, 1], ['multi-in-out', 1, 4]]) {
      const { problem, trace } = run(id, { iterations: 12 });
      const surface = createErrorSurface(panel(`Error surface, ${id}`), engine);
      surface.update({ problem, trace, iteration: 2, x, y, names: names(id), phase: 'learn' });
      const canvas = document.querySelectorAll('.wl-surface-box canvas')[out.length];
      const ctx = canvas.getContext('2d');
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let coloured = 0;
      const colours = new Set();
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 0) { coloured += 1; colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]); }
      }
      out.push({ coloured, colours: colours.size, total: data.length / 4, points: Number(canvas.dataset.pathPoints), steps: trace.steps,
        width: canvas.getBoundingClientRect().width });
    }
    return out;
  });
  for (const [width, height] of [[375, 800], [1280, 900]]) {
    await page.setViewportSize({ width, height });
    const out = await mount();
    for (const s of out) {
      assert.equal(s.points, s.steps + 1, 'path: weights before each step + the final weights');
      assert.ok(s.coloured > s.total * 0.5, `heatmap drawn: ${s.coloured}/${s.total}`);
      assert.ok(s.colours > 100, `the log colour scale varies: ${s.colours} colours`);
      assert.ok(s.width <= width - 40, 'fits the viewport');
    }
    await noNaN(page);
    await screenshot(page, `charts-surface-${width}`);
  }
  assert.deepEqual(page.problems, []);
});

test('weight matrix: 9 cells with the engine\'s weights, outer product delta[o]*input[i], filled cell by cell', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await setup(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const r = await page.evaluate(async () => {
    const { createWeightMatrix } = await import('/js/charts/weight-matrix.js');
    const { run, names, panel } = window.__charts;
    const { problem, trace } = run('multi-in-out');
    const matrix = createWeightMatrix(panel('Weight matrix, multi-in-out'));
    matrix.update({ problem, trace, iteration: 0, phase: 'learn', ...names('multi-in-out') });
    const cells = (role) => [...document.querySelectorAll(`table[data-role="${role}"] tbody td[data-o]`)]
      .map((td) => ({ o: +td.dataset.o, i: +td.dataset.i, v: Number(td.dataset.value), text: td.textContent,
        bg: td.style.backgroundColor }));
    const atLearn = cells('after');
    matrix.update({ problem, trace, iteration: 0, phase: 'update', ...names('multi-in-out') });
    return {
      weights: cells('weights'), outer: cells('outer'), after: cells('after'), atLearn,
      caption: document.querySelector('table[data-role="weights"] caption').textContent,
      input: [...problem.input], delta: [...trace.delta].slice(0, 3),
      before: [...trace.weightsBefore].slice(0, 9), weightsAfter: [...trace.weightsAfter].slice(0, 9),
    };
  });
  assert.equal(r.weights.length, 9);
  r.weights.forEach((c) => assert.equal(c.v, r.before[c.o * 3 + c.i]));
  // The page's one number format (common/format.js), as in the numbers table: 0.1, not 0.1000.
  assert.deepEqual(r.weights.map((c) => c.text).slice(0, 3), ['0.1', '0.1', '-0.3']);
  assert.notEqual(r.weights[0].bg, r.weights[2].bg, 'positive and negative weights differ in colour');
  assert.equal(r.outer.length, 9);
  r.outer.forEach((c) => assert.equal(c.v, r.delta[c.o] * r.input[c.i], `cell ${c.o},${c.i}`));
  // Book: delta for hurt is .455 (pred .555 - .1); .455 * 8.5 = 3.8675, printed
  // to the page's four significant digits.
  assert.equal(r.outer[0].text, '3.868');
  // The new weights are not computed in LEARN's first beat: absent, then the engine's.
  assert.equal(r.atLearn.length, 9);
  r.atLearn.forEach((c) => { assert.ok(Number.isNaN(c.v)); assert.equal(c.text, '?not computed yet'); });
  r.after.forEach((c) => assert.equal(c.v, r.weightsAfter[c.o * 3 + c.i]));
  await noNaN(page);

  // With motion: the grid fills one cell at a time, then the new weights appear.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const frames = await page.evaluate(async () => {
    const { createWeightMatrix } = await import('/js/charts/weight-matrix.js');
    const { run, names, panel } = window.__charts;
    const { problem, trace } = run('multi-in-out');
    const host = panel('Weight matrix, filling');
    const matrix = createWeightMatrix(host);
    matrix.update({ problem, trace, iteration: 1, phase: 'learn', ...names('multi-in-out') });
    const seen = [];
    const t0 = performance.now();
    while (host.querySelector('.wl-matrix-wrap').dataset.state !== 'done' && performance.now() - t0 < 5000) {
      seen.push(host.querySelectorAll('table[data-role="outer"] td.wl-empty').length);
      await new Promise((ok) => setTimeout(ok, 30));
    }
    const ms = performance.now() - t0;
    const hidden = host.querySelectorAll('table[data-role="after"] td[data-value]').length;
    matrix.destroy();
    return { seen, ms, hidden, left: host.querySelector('.wl-matrix-wrap') === null };
  });
  assert.ok(new Set(frames.seen).size >= 4, `saw the grid fill step by step: ${frames.seen}`);
  assert.ok(frames.ms > 500 && frames.ms < 3000, `fill took ${frames.ms} ms`);
  assert.equal(frames.hidden, 0, 'no new weight before its beat');
  assert.ok(frames.left, 'destroy removes the component');
  await screenshot(page, 'charts-matrix-375');
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, 'charts-matrix-1280');
  assert.deepEqual(page.problems, []);
});

test('runaway runs: diverging (alpha 0.1) and overflowed (alpha 1e150) traces draw without NaN or errors', async () => {
  await page.setViewportSize({ width: 375, height: 800 });
  await setup(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const mountAll = (id, patch, iteration) => page.evaluate(async ({ id, patch, iteration }) => {
    const [{ createErrorCurves }, { createErrorSurface }, { createWeightMatrix }] = await Promise.all([
      import('/js/charts/error-curves.js'), import('/js/charts/error-surface.js'), import('/js/charts/weight-matrix.js')]);
    const { engine, run, names, panel } = window.__charts;
    document.getElementById('view').replaceChildren();
    const { problem, trace } = run(id, patch);
    const host = panel(`${id}, alpha ${patch.alpha}`);
    const parts = [createErrorCurves(host, engine), createErrorSurface(host, engine), createWeightMatrix(host)];
    const last = iteration ?? trace.steps - 1;
    for (let k = 0; k <= last; k += 1) {
      for (const phase of ['predict', 'compare', 'learn']) {
        parts.forEach((p) => p.update({ problem, trace, iteration: k, phase, x: 0, y: 1, names: names(id) }));
      }
    }
    const nonFinite = [...document.querySelectorAll('.wl-curve canvas')].flatMap((c) =>
      window.Chart.getChart(c).data.datasets.flatMap((d) => d.data)
        .filter((p) => !Number.isFinite(p.x) || (p.y !== null && !Number.isFinite(p.y))));
    const scales = [...document.querySelectorAll('.wl-curve canvas')].map((c) => {
      const s = window.Chart.getChart(c).scales;
      return [s.x.min, s.x.max, s.y.min, s.y.max];
    });
    return { steps: trace.steps, overflowed: trace.overflowed, divergedAt: trace.divergedAt, nonFinite: nonFinite.length,
      scales, text: host.innerText, points: Number(host.querySelector('.wl-surface-box canvas').dataset.pathPoints) };
  }, { id, patch, iteration });

  const diverging = await mountAll('multi-input', { alpha: 0.1, iterations: 20 });
  assert.equal(diverging.steps, 20);
  assert.ok(diverging.divergedAt >= 0);
  assert.equal(diverging.nonFinite, 0);
  assert.equal(diverging.points, 21);
  assert.match(diverging.text, /alpha is too large/);
  diverging.scales.flat().forEach((v) => assert.ok(Number.isFinite(v) && Math.abs(v) < 1e251, `scale ${v}`));
  await noNaN(page);
  await screenshot(page, 'charts-diverging-375');

  const overflowed = await mountAll('multi-input', { alpha: 1e150, iterations: 20 });
  assert.equal(overflowed.overflowed, true);
  assert.equal(overflowed.nonFinite, 0);
  assert.match(overflowed.text, /off the chart/);
  await noNaN(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, 'charts-overflowed-1280');

  // No steps at all, a bad pair of surface weights, then destroy: nothing left behind.
  const empty = await page.evaluate(async () => {
    const [{ createErrorCurves }, { createErrorSurface }, { createWeightMatrix }] = await Promise.all([
      import('/js/charts/error-curves.js'), import('/js/charts/error-surface.js'), import('/js/charts/weight-matrix.js')]);
    const { engine, run, panel } = window.__charts;
    const before = Object.keys(window.Chart.instances).length;
    const host = panel('no steps');
    const parts = [createErrorCurves(host, engine), createErrorSurface(host, engine), createWeightMatrix(host)];
    const good = run('multi-input');
    parts.forEach((p) => p.update({ ...good, iteration: 0, phase: 'learn', x: 0, y: 1 }));
    const mounted = Object.keys(window.Chart.instances).length - before;
    parts[1].update({ ...good, iteration: 0, x: 1, y: 1 });
    const badPair = host.innerText;
    const { problem, trace } = run('multi-input', { iterations: 0 });
    parts.forEach((p) => p.update({ problem, trace, iteration: 0, phase: 'learn', x: 0, y: 1 }));
    const text = host.innerText;
    parts.forEach((p) => p.destroy());
    return { mounted, badPair, text, left: Object.keys(window.Chart.instances).length - before, children: host.children.length };
  });
  assert.equal(empty.mounted, 3);
  assert.match(empty.badPair, /Pick two different weights/);
  assert.match(empty.text, /No steps to draw/);
  assert.equal(empty.left, 0, 'destroy removes every Chart.js instance');
  assert.equal(empty.children, 1, 'destroy removes the components (the panel keeps its heading)');
  assert.deepEqual(page.problems, []);
});

test('projector mode (?proj=1) draws the charts\' type, lines and dots at the page\'s --chart-scale, not only larger boxes', async () => {
  const read = async (query) => {
    const p = await browser.open(`/?${query}`, { width: 1280, height: 800 });
    await p.waitForSelector('.lesson svg.diagram');
    await makeCharts(p);
    const r = await p.evaluate(() => {
      const curve = window.Chart.getChart(document.querySelector('.wl-curve canvas'));
      const learning = window.Chart.getChart(document.querySelector('.wl-learning canvas'));
      return {
        scale: parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--chart-scale')),
        tick: curve.options.scales.x.ticks.font.size, title: curve.options.scales.x.title.font.size,
        line: curve.data.datasets[0].borderWidth, dot: curve.data.datasets[2].pointRadius,
        grid: curve.options.scales.y.grid.lineWidth,
        learningTick: learning.options.scales.y.ticks.font.size, learningLine: learning.data.datasets[0].borderWidth,
      };
    });
    assert.deepEqual(p.problems, [], query);
    await p.close();
    return r;
  };
  const plain = await read('s=steps');
  const proj = await read('s=steps&proj=1');
  assert.equal(plain.scale, 1);
  assert.ok(proj.scale >= 1.5, `projector mode's --chart-scale is at least 1.5 (${proj.scale})`);
  for (const key of ['tick', 'title', 'line', 'dot', 'grid', 'learningTick', 'learningLine']) {
    assert.ok(plain[key] > 0, `${key} is set (${plain[key]})`);
    assert.ok(Math.abs(proj[key] / plain[key] - proj.scale) < 1e-9, `${key}: ${plain[key]} -> ${proj[key]}, x${proj.scale}`);
  }
});
