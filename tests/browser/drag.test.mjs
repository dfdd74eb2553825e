// Playing with a lesson by dragging, at 375x812 with touch and at 1280x800
// with a mouse: weight a's dot dragged along its curve moves the weight, the
// page's pred is the engine's for the new weight while the drag goes on, and
// the URL follows when it ends; the alpha slider past the engine's limit says
// "diverges" beside it; every lesson has a learning curve with one point per
// iteration, and picking on it sets the iteration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, screenshot, ARTIFACTS, makeCharts } from './harness.mjs';

const SECTIONS = ['multi-input', 'side-by-side', 'steps', 'freeze', 'multi-output', 'multi-in-out'];
const EXAMPLE = { 'multi-input': 'multi-input', 'side-by-side': 'single-input', steps: 'multi-input',
  freeze: 'freeze', 'multi-output': 'multi-output', 'multi-in-out': 'multi-in-out' };
const SIZES = [{ width: 375, height: 812, touch: true }, { width: 1280, height: 800, touch: false }];

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

async function openLesson(query, { width, height, touch }) {
  const page = await browser.open(`/?${query}`, { width, height });
  await page.waitForSelector('.lesson svg.diagram');
  await makeCharts(page);
  if (touch) {
    page.cdp = await page.context().newCDPSession(page);
    await page.cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  }
  return page;
}

// A pointer (touch or mouse) that presses, moves and lifts, each move acknowledged.
function pointer(page) {
  if (page.cdp) {
    const at = (x, y) => ({ touchPoints: [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] });
    return {
      down: (x, y) => page.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', ...at(x, y) }),
      move: (x, y) => page.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', ...at(x, y) }),
      up: () => page.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] }),
    };
  }
  return {
    down: async (x, y) => { await page.mouse.move(x, y); await page.mouse.down(); },
    move: (x, y) => page.mouse.move(x, y),
    up: () => page.mouse.up(),
  };
}

// Weight a's dot on its curve, in page pixels, and a point 30% of the plot's width to its right or left.
const dotOf = (page) => page.evaluate(() => {
  const canvas = document.querySelector('.wl-curve canvas');
  canvas.scrollIntoView({ block: 'center' });
  const chart = window.Chart.getChart(canvas);
  const r = canvas.getBoundingClientRect();
  const dot = chart.getDatasetMeta(2).data[0];
  const { left, right } = chart.chartArea;
  const dx = (dot.x < (left + right) / 2 ? 0.3 : -0.3) * (right - left);
  const value = (k) => Number(canvas.getAttribute(`aria-value${k}`));
  return { x: r.left + dot.x, y: r.top + dot.y, dx, value: value('now'), span: value('max') - value('min') };
});

// The page's pred (the numbers table's pred column) and delta (read aloud in
// the Compare phase), and the engine's for `weights`, formatted the page's way.
const predsFor = (page, weights) => page.evaluate(async (weights) => {
  const engine = await window.weightlab;
  const { fmt } = await import('./js/common/format.js');
  const t = engine.run({ ...engine.example('multi-input'), weights });
  const table = document.querySelector('[data-table="0"] table');
  const col = [...table.querySelectorAll('thead th')].findIndex((th) => th.textContent.trim() === 'pred');
  return { pred: table.querySelector('tbody tr').children[col].textContent.trim(), enginePred: fmt(t.pred[0]),
    said: document.querySelector('[data-role="announce"]').textContent, engineDelta: fmt(t.delta[0]) };
}, weights);
const samePred = (r, when) => {
  assert.equal(r.pred, r.enginePred, `${when}: the page's pred is the engine's`);
  assert.ok(r.said.includes(`delta: win ${r.engineDelta}.`), `${when}: "${r.said}" says the engine's delta ${r.engineDelta}`);
};

for (const size of SIZES) {
  test(`dragging weight a's dot at ${size.width}x${size.height}${size.touch ? ' (touch)' : ''} moves the weight and pred follows, every frame`, async () => {
    const page = await openLesson('s=multi-input&it=2&ph=compare', size);
    await page.waitForTimeout(200);
    const dot = await dotOf(page);
    assert.equal(dot.value, await page.evaluate(async () => (await window.weightlab).run((await window.weightlab).example('multi-input')).weightsBefore[3]),
      'the dot is weight a before iteration 2');
    const p = pointer(page);
    await p.down(dot.x, dot.y);
    for (let n = 1; n <= 8; n += 1) await p.move(dot.x + (dot.dx * n) / 8, dot.y);
    // the last move's frame drawn (a loaded machine may deliver it a frame late)
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    // Mid-drag: the weight has moved, the iteration is 1 (the run starts where the dot is),
    // pred is the engine's for the new weight, and the URL has not been written with it yet.
    const mid = await page.evaluate(() => ({
      a: Number(document.querySelector('.wl-curve canvas').getAttribute('aria-valuenow')),
      w: new URL(location.href).searchParams.get('w'),
      it: document.querySelector('[data-role="position"]').textContent,
    }));
    assert.ok(Math.abs(mid.a - dot.value) > 0.2 * dot.span, `a moved by about 30% of its frame (${dot.span}): ${dot.value} -> ${mid.a}`);
    assert.equal(mid.w, null, 'the URL waits for the end of the drag');
    assert.match(mid.it, /^1 of /, 'the player is at iteration 1');
    const weights = [mid.a, 0.2, -0.1];
    const pm = await predsFor(page, weights);
    samePred(pm, 'mid-drag');
    await screenshot(page, `drag-multi-input-${size.width}`);
    await page.screenshot({ path: new URL(`drag-multi-input-${size.width}-view.png`, ARTIFACTS).pathname });   // what is on screen mid-drag
    // (a full-page screenshot resizes the page under the held pointer, which may move the dot a little)
    const last = await page.evaluate(() => Number(document.querySelector('.wl-curve canvas').getAttribute('aria-valuenow')));
    await p.up();
    await page.waitForTimeout(100);
    const w = (await page.evaluate(() => new URL(location.href).searchParams.get('w'))).split(',').map(Number);
    assert.equal(w[0], last, 'the URL has the dragged weight where the drag ended');
    assert.deepEqual(w.slice(1), [0.2, -0.1], 'the other weights stay');
    const end = await predsFor(page, w);
    samePred(end, 'after the drag');
    // The learning curve (off screen mid-drag on a phone, where it waits) is up to date once the drag ends.
    assert.equal(await page.evaluate(() => document.querySelector('.wl-learning canvas').dataset.iteration), '0',
      'the learning curve marks iteration 1');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test(`the alpha slider past each lesson's limit says "diverges" beside it, at ${size.width}x${size.height}`, async () => {
    for (const id of SECTIONS) {
      const page = await openLesson(`s=${id}`, size);
      const before = await page.textContent('.alpha-row [data-role="alpha-verdict"]');
      assert.match(before, /^converges/, `${id}: the book's alpha converges`);
      await page.focus('input[data-act="alpha"]');
      await page.keyboard.press('End');
      const info = await page.evaluate(async ([example, prefix]) => {
        const engine = await window.weightlab;
        const { fmt } = await import('./js/common/format.js');
        const ex = engine.example(example);
        const names = engine.examples().find((e) => e.id === example).inputNames;
        const row = document.querySelector('.alpha-row');
        const alpha = Number(new URL(location.href).searchParams.get(`${prefix}alpha`));
        const limit = engine.alphaLimit(ex);
        const trace = engine.run({ ...ex, alpha });
        return { verdict: row.querySelector('[data-role="alpha-verdict"]').textContent,
          why: row.querySelector('[data-role="alpha-why"]').textContent.replace(/\s+/g, ' '),
          shown: row.querySelector('output').textContent, alpha, diverged: trace.divergedAt >= 0,
          banner: document.querySelector('.banner.diverged')?.textContent.replace(/\s+/g, ' ') ?? '',
          limit: fmt(limit.limit, 4), above: alpha > limit.limit, dominant: names[limit.dominant] };
      }, [EXAMPLE[id], id === 'side-by-side' ? '1' : '']);
      assert.ok(info.above, `${id}: the slider's end (${info.alpha}) is past the limit ${info.limit}`);
      assert.match(info.verdict, /^diverges/, `${id}: "${info.verdict}"`);
      assert.ok(info.verdict.includes(info.limit), `${id}: the verdict gives the engine's limit ${info.limit}: "${info.verdict}"`);
      assert.ok(info.why.includes(`input ${info.dominant} =`) && info.why.includes(info.limit), `${id}: why: "${info.why}"`);
      if (info.diverged) {
        assert.ok(info.banner.includes(info.limit) && info.banner.includes(info.dominant), `${id}: banner "${info.banner}"`);
      }
      assert.ok(!/book's 0\.01/.test(info.banner), `${id}: no hard-coded alpha in "${info.banner}"`);
      const box = await page.locator('.alpha-row [data-role="alpha-verdict"]').first().boundingBox();
      const slider = await page.locator('input[data-act="alpha"]').first().boundingBox();
      assert.ok(Math.abs(box.y - slider.y) < 120, `${id}: the verdict is beside the slider (${slider.y} / ${box.y})`);
      assert.deepEqual(page.problems, [], id);
      await page.close();
    }
  });
}

// What keeps a drag frame cheap must not change what it shows: mid-drag the
// arithmetic is patched in place (the same elements, the engine's new
// numbers), and every chart's redraw from its kept axes (charts/backdrop.js)
// has the pixels of a redraw from scratch, on the learning curve's new data.
test('mid-drag the arithmetic is patched in place with the engine\'s numbers, and each chart draws the pixels a full redraw draws', async () => {
  const page = await openLesson('s=steps&ph=compare', SIZES[1]);
  await page.waitForTimeout(200);
  await page.evaluate(() => { window.__arith = document.querySelector('[data-role="arith"] code'); });
  const dot = await dotOf(page);
  const p = pointer(page);
  await p.down(dot.x, dot.y);
  for (let n = 1; n <= 6; n += 1) await p.move(dot.x + (dot.dx * n) / 6, dot.y);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const mid = await page.evaluate(async () => {
    const engine = await window.weightlab;
    const { fmt } = await import('./js/common/format.js');
    const a = Number(document.querySelector('.wl-curve canvas').getAttribute('aria-valuenow'));
    const ex = engine.example('multi-input');
    const t = engine.run({ ...ex, weights: [a, ...Array.from(ex.weights).slice(1)] });
    const code = document.querySelector('[data-role="arith"] code');
    const pixels = Object.values(window.Chart.instances).map((chart) => {
      const read = () => chart.ctx.getImageData(0, 0, chart.canvas.width, chart.canvas.height).data;
      chart.draw();
      const kept = Boolean(chart.$wlBackdrop);
      const drawn = read();
      chart.$wlBackdrop = null;
      chart.draw();
      const fresh = read();
      let differ = 0;
      for (let i = 0; i < fresh.length; i += 1) if (drawn[i] !== fresh[i]) differ += 1;
      return { chart: chart.canvas.closest('figure')?.className, kept, differ };
    });
    return { same: code === window.__arith, text: code.textContent, pred: fmt(t.pred[0]), delta: fmt(t.delta[0]),
      first: document.querySelector('.wl-learning canvas') && window.Chart.getChart(document.querySelector('.wl-learning canvas')).data.datasets[0].data[0].y,
      engineFirst: t.error[0], pixels };
  });
  assert.ok(mid.same, 'the arithmetic line is the same element, its numbers rewritten');
  assert.equal(mid.text, `delta = ${mid.pred} - 1 = ${mid.delta}`, 'it says the engine\'s pred and delta for the dragged weight');
  assert.equal(mid.first, mid.engineFirst, 'the learning curve\'s kept points hold the engine\'s new errors');
  assert.ok(mid.pixels.length >= 4, `the curves and the learning curve are drawn (${mid.pixels.length})`);
  for (const c of mid.pixels) {
    assert.ok(c.kept, `${c.chart}: a mid-drag draw paints its kept axes back`);
    assert.equal(c.differ, 0, `${c.chart}: the same pixels as a redraw from scratch`);
  }
  await p.up();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('every lesson has a learning curve with one point per iteration, and tapping it picks the iteration', async () => {
  for (const [id, query] of [...SECTIONS.map((id) => [id, `s=${id}`]), ['steps', 's=steps&n=1000&alpha=0.02']]) {
    const page = await openLesson(query, SIZES[0]);
    const info = await page.evaluate(async ([example, prefix]) => {
      const engine = await window.weightlab;
      const q = new URL(location.href).searchParams;
      const ex = engine.example(example);
      const problem = { ...ex, iterations: Number(q.get(`${prefix}n`) ?? ex.iterations), alpha: Number(q.get(`${prefix}alpha`) ?? ex.alpha) };
      const canvas = document.querySelector('.wl-learning canvas');
      canvas.scrollIntoView({ block: 'end' });   // below the sticky stage on a phone
      const chart = window.Chart.getChart(canvas);
      const r = canvas.getBoundingClientRect();
      const total = (t, k) => Array.from(t.error.subarray(k * t.nOut, (k + 1) * t.nOut)).reduce((a, b) => a + b, 0);
      const t = engine.run(problem);
      return { points: Number(canvas.dataset.points), steps: t.steps, scale: canvas.dataset.scale,
        first: chart.data.datasets[0].data[0].y, engineFirst: total(t, 0),
        x: r.left + chart.scales.x.getPixelForValue(t.steps), y: r.top + (chart.chartArea.top + chart.chartArea.bottom) / 2 };
    }, [EXAMPLE[id], id === 'side-by-side' ? '1' : '']);
    assert.equal(info.points, info.steps, `${id} (${query}): one point per iteration`);
    assert.equal(info.first, info.engineFirst, `${id}: the first point is the engine's total error`);
    if (info.steps === 1000) assert.equal(info.scale, 'log', 'a thousand iterations span decades: log scale');
    if (info.steps > 1) {
      await page.mouse.click(info.x, info.y);
      await page.waitForTimeout(50);
      assert.equal(await page.evaluate(() => new URL(location.href).searchParams.get('it')), String(info.steps), `${id}: the tap picked the last iteration`);
    }
    assert.deepEqual(page.problems, [], id);
    await page.close();
  }
});

test('the keyboard twin of the drag: a weight on the diagram, its dot on the curve, an input and a target move with the arrow keys and are read as sliders', async () => {
  const page = await openLesson('s=multi-input&it=2&ph=compare', SIZES[1]);
  const state = () => page.evaluate(() => {
    const q = new URL(location.href).searchParams;
    const label = document.querySelector('.diagram .edge-label[data-index="0"]');
    const curve = document.querySelector('.wl-curve canvas');
    return { w: q.get('w'), x: q.get('x'), t: q.get('t'), it: q.get('it'), fz: q.get('fz'),
      label: { role: label.getAttribute('role'), now: label.getAttribute('aria-valuenow'), text: label.getAttribute('aria-valuetext'), name: label.getAttribute('aria-label') },
      curveNow: curve.getAttribute('aria-valuenow'), curveRole: curve.getAttribute('role'),
      input: document.querySelector('.diagram circle[data-scrub="input"][data-index="0"]').getAttribute('aria-valuenow'),
      target: document.querySelector('.diagram .scrub-hit[data-index="0"]').getAttribute('aria-valuenow'),
      focused: document.activeElement?.getAttribute('aria-label') ?? '' };
  });
  const s0 = await state();
  assert.equal(s0.label.role, 'slider');
  assert.match(s0.label.name, /^weight /);
  assert.equal(s0.label.now, '0.1', 'weight a starts at the book\'s 0.1');
  // Weight a's label on the diagram: ArrowUp moves it (and the run starts from it, at iteration 1).
  await page.focus('.diagram .edge-label[data-index="0"]');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  const s1 = await state();
  assert.equal(s1.it, null, 'the run starts where the weight is: iteration 1 (the player did not step)');
  const w1 = s1.w.split(',').map(Number);
  assert.ok(w1[0] > 0.1 && w1[0] < 0.2, `two key presses moved weight a up a little: ${s1.w}`);
  assert.deepEqual(w1.slice(1), [0.2, -0.1]);
  assert.equal(Number(s1.label.now), w1[0], 'the label says its new value (aria-valuenow)');
  assert.equal(Number(s1.curveNow), w1[0], 'its dot on the curve followed');
  assert.equal(s1.focused, s0.label.name, 'focus stays on the weight');
  samePred(await predsFor(page, w1), 'after the keys on the diagram');
  // Enter on the label freezes the weight, as a click does.
  await page.keyboard.press('Enter');
  assert.equal((await state()).fz, '1,0,0', 'Enter froze weight a');
  await page.keyboard.press('Enter');
  assert.equal((await state()).fz, null, 'and unfroze it');
  // The same weight's dot on its curve: ArrowLeft moves it back down, through the same path.
  await page.focus('.wl-curve canvas');
  assert.equal(s1.curveRole, 'slider');
  await page.keyboard.press('ArrowLeft');
  const s2 = await state();
  const w2 = s2.w.split(',').map(Number);
  assert.ok(w2[0] < w1[0], `ArrowLeft on the curve moved weight a down: ${w1[0]} -> ${w2[0]}`);
  assert.equal(Number(s2.curveNow), w2[0]);
  assert.equal(Number(s2.label.now), w2[0], 'the diagram\'s label followed');
  samePred(await predsFor(page, w2), 'after the key on the curve');
  // An input and a target, on the diagram.
  await page.focus('.diagram circle[data-scrub="input"][data-index="0"]');
  await page.keyboard.press('ArrowDown');
  const s3 = await state();
  assert.ok(Number(s3.x.split(',')[0]) < 8.5, `ArrowDown lowered input toes: ${s3.x}`);
  assert.equal(s3.input, s3.x.split(',')[0]);
  await page.focus('.diagram .scrub-hit[data-index="0"]');
  await page.keyboard.press('Shift+ArrowUp');
  const s4 = await state();
  assert.ok(Number(s4.t) > 1, `Shift+ArrowUp raised the target: ${s4.t}`);
  assert.equal(s4.target, s4.t);
  assert.deepEqual(page.problems, []);
  await page.close();
});
