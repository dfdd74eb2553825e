// The chapter's concept sections (issue 14): each is reachable from the
// navigation in the chapter's order, its interactive part shows the engine's
// numbers (toes 0 stops a's weight_delta, a negative toes flips its sign,
// normalizing the inputs removes the divergence at alpha 0.1, freezing a
// weight keeps its dot while the others move, curvature = 2 x input²), and
// every section's way on leads to the next, the last back to the first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, settled, screenshot } from './harness.mjs';
import { SECTIONS } from '../../web/js/sections.js';

const CONCEPTS = ['properties', 'normalize', 'slices', 'summary'];

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

const navIds = (page) => page.evaluate(() => [...document.querySelectorAll('#nav a[data-section]')].map((a) => a.dataset.section));

// What the engine itself says for the multi-input example with toes = v.
const engineWd = (page, toes) => page.evaluate(async (toes) => {
  const engine = await window.weightlab;
  const p = engine.example('multi-input');
  const input = Array.from(p.input); input[0] = toes;
  const t = engine.run({ ...p, input, iterations: 1 });
  return { wd: t.weightDeltas[0], delta: t.delta[0] };
}, toes);

const shown = (page) => page.evaluate(() => {
  const v = document.getElementById('pr-verdict');
  return { wd: Number(v.dataset.weightDelta), property: v.dataset.property, cell: document.querySelector('#pr-rows [data-wd="0"]').textContent };
});

test('each concept section is in the navigation, in the chapter\'s order, and opens from it', async () => {
  const page = await browser.open('/');
  await settled(page, SECTIONS[0].id);
  const ids = await navIds(page);
  assert.deepEqual(ids, SECTIONS.map((s) => s.id));
  // Where the chapter puts each idea: the properties right after the multi-input
  // lesson, normalization after the steps, slices after freezing, the summary last.
  const after = (a, b) => assert.equal(ids.indexOf(a), ids.indexOf(b) + 1, `${a} follows ${b}`);
  after('properties', 'multi-input');
  after('normalize', 'steps');
  after('slices', 'freeze');
  assert.equal(ids.at(-1), 'summary');
  for (const id of CONCEPTS) {
    await page.click(`#nav a[data-section="${id}"]`);
    await settled(page, id);
    assert.ok(await page.locator(`article.concept-${id}`).count(), `${id} mounted`);
    assert.equal(await page.locator('#nav a[aria-current="page"]').getAttribute('data-section'), id);
  }
  assert.deepEqual(page.problems, []);
});

test('toes 0 gives weight a a weight_delta of 0; a negative toes flips its sign', async () => {
  const page = await browser.open('/?s=properties');
  await settled(page, 'properties');
  const book = await shown(page);
  const bookEngine = await engineWd(page, 8.5);
  assert.equal(book.wd, bookEngine.wd);
  assert.ok(book.wd < 0, 'at the book\'s 8.5, a\'s weight_delta is negative (pred below target)');

  await page.click('[data-toes="0"]');
  const zero = await shown(page);
  assert.equal(zero.wd, 0);
  assert.equal(zero.property, 'stopping');
  assert.equal(zero.cell, '0');
  assert.notEqual((await engineWd(page, 0)).delta, 0, 'the node still has a delta; only a\'s share is 0');

  await page.fill('#pr-number', '-8.5');
  await page.press('#pr-number', 'Enter');
  await page.waitForFunction(() => document.getElementById('pr-verdict').dataset.property === 'reversal');
  const neg = await shown(page);
  const negEngine = await engineWd(page, -8.5);
  assert.equal(neg.wd, negEngine.wd);
  assert.ok(neg.wd > 0 && Math.sign(neg.wd) === -Math.sign(negEngine.delta), 'weight_delta opposes delta');

  await page.click('[data-toes="85"]');
  const big = await shown(page);
  assert.equal(big.property, 'scaling');
  assert.equal(big.wd, (await engineWd(page, 85)).wd);
  assert.ok(Math.abs(big.wd) > 100 * Math.abs(book.wd), 'a large input, a large step');
  assert.equal(new URL(page.url()).searchParams.get('toes'), '85');
  for (const [w, h] of [[375, 812], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `concepts-properties-${w}`);
  }
  assert.deepEqual(page.problems, []);
});

test('at alpha 0.1 the raw inputs diverge through a; normalized, they converge', async () => {
  const page = await browser.open('/?s=normalize');
  await settled(page, 'normalize');
  const diverged = () => page.evaluate(() => document.getElementById('nz-verdict').dataset.diverged);
  assert.equal(await page.locator('input[name="nz-alpha"][value="0.1"]').isChecked(), true);
  assert.equal(await diverged(), 'true');
  const raw = await page.evaluate(() => [...document.querySelectorAll('#nz-rows [data-wd]')].map((c) => c.textContent));
  await page.click('#nz-norm');
  await page.waitForFunction(() => document.getElementById('nz-verdict').dataset.diverged === 'false');
  const scaled = await page.evaluate(() => [...document.querySelectorAll('#nz-rows [data-wd]')].map((c) => c.textContent));
  assert.notDeepEqual(raw, scaled);
  // The engine agrees, on its own.
  const runs = await page.evaluate(async () => {
    const engine = await window.weightlab;
    const p = { ...engine.example('multi-input'), alpha: 0.1, iterations: 20 };
    const n = engine.scaleInputs(p, [9.9, 0.9, 1.3]);
    const wd = Array.from(engine.run(n).weightDeltas.slice(0, 3), Math.abs);
    return { raw: engine.run(p).divergedAt, scaled: engine.run(n).divergedAt, spread: Math.max(...wd) / Math.min(...wd) };
  });
  assert.ok(runs.raw >= 0);
  assert.equal(runs.scaled, -1);
  assert.ok(runs.spread < 2, `normalized steps are of one size (largest/smallest ${runs.spread})`);
  await page.click('input[name="nz-alpha"][value="0.01"]');
  await page.click('#nz-norm');
  assert.equal(await diverged(), 'false', 'raw inputs at alpha 0.01 converge, as in the book');
  for (const [w, h] of [[375, 812], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `concepts-normalize-${w}`);
  }
  assert.deepEqual(page.problems, []);
});

test('slices: curvature is 2 x input², and a frozen weight keeps its place while the others move', async () => {
  const page = await browser.open('/?s=slices&fz=000');
  await settled(page, 'slices');
  const read = () => page.evaluate(() => [...document.querySelectorAll('.cc-slice figcaption')].map((c) => ({
    x: Number(c.dataset.x), curvature: c.querySelector('[data-curvature]').textContent })));
  const expected = await page.evaluate(async () => {
    const engine = await window.weightlab;
    const p = engine.example('freeze');
    return Array.from(p.input, (x, i) => ({ bowl: engine.errorBowl(p, i).curvature, twice: 2 * x * x }));
  });
  for (const e of expected) assert.ok(Math.abs(e.bowl - e.twice) < 1e-9 * e.twice, JSON.stringify(e));
  await page.click('[data-freeze="0"]');
  const start = await read();
  await page.click('#sl-next');
  await page.click('#sl-next');
  const later = await read();
  assert.equal(later[0].x, start[0].x, 'frozen a stays');
  assert.notEqual(later[1].x, start[1].x, 'b moves');
  assert.notEqual(later[2].x, start[2].x, 'c moves');
  assert.equal(new URL(page.url()).searchParams.get('fz'), '100');
  for (const [w, h] of [[375, 812], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `concepts-slices-${w}`);
  }
  assert.deepEqual(page.problems, []);
});

test('every section leads on to the next; the last leads back to the first', async () => {
  const page = await browser.open(`/?s=${SECTIONS[0].id}`);
  await settled(page, SECTIONS[0].id);
  const visited = [SECTIONS[0].id];
  for (let i = 0; i < SECTIONS.length; i += 1) {
    const link = page.locator('#view .way-on a');
    assert.equal(await link.count(), 1, `${visited.at(-1)} has one way on`);
    const next = await link.getAttribute('data-section');
    await link.click();
    await settled(page, next);
    visited.push(next);
  }
  assert.deepEqual(visited, [...SECTIONS.map((s) => s.id), SECTIONS[0].id]);
  await page.goto(`${browser.origin}/?s=summary`);
  await settled(page, 'summary');
  const back = await page.locator('.cc-recap a[data-section]').evaluateAll((as) => as.map((a) => a.dataset.section));
  assert.deepEqual(back, SECTIONS.filter((s) => s.id !== 'summary').map((s) => s.id), 'the summary links back to every lesson');
  for (const [w, h] of [[375, 812], [1280, 800]]) {
    await page.setViewportSize({ width: w, height: h });
    await screenshot(page, `concepts-summary-${w}`);
  }
  assert.deepEqual(page.problems, []);
});
