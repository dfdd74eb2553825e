// The chart components (web/js/charts/*.js) mounted on the real page with the
// real engine: what they draw must be the engine's numbers (the dot on the
// error curve, the tangent's slope 2*weight_delta, the outer product), a frozen
// weight's bowl must slide under a still dot, and runaway runs (diverging,
// overflowed) must draw without NaN or console errors, at 375 px and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, screenshot } from './harness.mjs';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

// In the page: a fresh panel under <main> (removes the view's content so the
// screenshot shows the charts), plus helpers on window.__charts.
async function setup(page) {
  await page.evaluate(async () => {
    const engine = await window.weightlab;
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
  const page = await browser.open('/?s=multi-input', { width: 375, height: 800 });
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
  await page.close();
});

test('error curves: a frozen weight keeps its dot while its bowl slides', async () => {
  const page = await browser.open('/?s=multi-input', { width: 1280, height: 900 });
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
  await page.close();
});
