// Navigation mounts exactly one view. Clicking A, B, A in one task (before
// any of the modules has answered) must leave A mounted once: the view before
// it unmounted, nothing orphaned still listening to the state or the keyboard,
// and nothing left on the WASM heap (an orphaned Draw view keeps a 1.4 MB
// DigitReader).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, settled } from './harness.mjs';

// One section of each kind of view.
const KINDS = { lesson: 'steps', mnist: 'mnist', 'dot-product': 'dot-product', draw: 'draw' };
const NEUTRAL = 'multi-input';   // a lesson of its own, where each round starts

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

const clickAll = (page, ids) => page.evaluate((ids) => {
  for (const id of ids) document.querySelector(`#nav a[data-section="${id}"]`).click();
}, ids);

async function go(page, id) {
  await clickAll(page, [id]);
  await settled(page, id);
}

// What is mounted, and how many listen to the state (the page itself + one per view).
const census = (page) => page.evaluate(async () => {
  const { state } = await import('./js/state.js');
  return {
    mounted: document.getElementById('view').dataset.mounted,
    subscribers: state.subscribers(),
    nav: document.querySelector('#nav a[aria-current="page"]')?.dataset.section,
    s: new URL(location.href).searchParams.get('s'),
    views: document.querySelectorAll('#view > :not(.way-on)').length,   // the view, not its way-on footer
  };
});

test('A, B, A clicked in one task mounts A once, for every pair of view kinds, and stepping afterwards is clean', async () => {
  const page = await browser.open(`/?s=${NEUTRAL}`);
  await settled(page, NEUTRAL);
  // One view alone: the page's listener and the view's.
  const alone = {};
  for (const id of Object.values(KINDS)) {
    await go(page, id);
    alone[id] = (await census(page)).subscribers;
    await go(page, NEUTRAL);
  }
  assert.deepEqual(new Set(Object.values(alone)), new Set([2]), `one view alone: ${JSON.stringify(alone)}`);

  const kinds = Object.keys(KINDS);
  let pairs = 0;
  for (const a of kinds) {
    for (const b of kinds) {
      if (a === b) continue;
      const [A, B] = [KINDS[a], KINDS[b]];
      await clickAll(page, [A, B, A]);
      await settled(page, A);
      const after = await census(page);
      assert.deepEqual(after, { mounted: A, subscribers: alone[A], nav: A, s: A, views: 1 }, `${a}, ${b}, ${a}`);

      // Step with the keyboard and the buttons: only A's view may answer.
      await page.focus('#view');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      if (a === 'lesson') await page.click('[data-act="next"]');
      await page.waitForTimeout(50);
      const q = new URL(page.url()).searchParams;
      assert.equal(q.get('s'), A, `${a}, ${b}, ${a}: the URL stays on ${A}`);
      if (a === 'lesson') {
        assert.equal(q.get('ph'), 'update', `${a}, ${b}, ${a}: three steps from predict reach update`);
        assert.match(await page.textContent('[data-role="heading"]'), /^Iteration 1 · /);
      } else {
        assert.equal(q.get('it'), null, `${a}, ${b}, ${a}: no lesson is left to step (${page.url()})`);
        assert.equal(q.get('ph'), null);
      }
      assert.deepEqual(page.problems, [], `${a}, ${b}, ${a}`);
      await go(page, NEUTRAL);
      assert.equal((await census(page)).subscribers, 2, `after ${a}, ${b}, ${a} and away: one view left`);
      pairs += 1;
    }
  }
  assert.equal(pairs, 12);
  await page.close();
});

test('ten rounds of Draw, lesson, Draw in one task leave the WASM heap as they found it', async () => {
  const page = await browser.open(`/?s=${NEUTRAL}`);
  await settled(page, NEUTRAL);
  const heap = () => page.evaluate(async () => {
    const engine = await window.weightlab;
    return { used: engine.heapInUse(), stack: engine.stackPointer() };
  });
  const round = async () => {
    await clickAll(page, ['draw', 'steps', 'draw']);
    await settled(page, 'draw');
    await page.waitForSelector('.draw[data-cnn-model="ready"][data-linear-model="ready"]');
    assert.equal((await census(page)).subscribers, 2, 'one Draw view');
    await go(page, NEUTRAL);
    return heap();
  };
  const warm = await round();   // the first round fills the allocator's free lists
  const after = [];
  for (let k = 0; k < 10; k++) after.push(await round());
  console.log(`heap in use after each round: ${warm.used} (warm-up), ${after.map((h) => h.used).join(', ')} bytes; ` +
    `stack pointer ${warm.stack} -> ${after.at(-1).stack}`);
  for (const [k, h] of after.entries()) {
    assert.equal(h.used, warm.used, `round ${k + 1}: heap in use ${h.used} bytes, ${h.used - warm.used} more than after warm-up`);
    assert.equal(h.stack, warm.stack, `round ${k + 1}: stack pointer`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('Back and Forward between sections also mount one view each time', async () => {
  const page = await browser.open(`/?s=${NEUTRAL}`);
  await settled(page, NEUTRAL);
  await go(page, 'draw');
  await go(page, 'mnist');
  // Each move lands before the previous section's module has mounted.
  const at = (id) => page.waitForFunction((id) => new URL(location.href).searchParams.get('s') === id, id);
  await page.evaluate(() => history.back()); await at('draw');
  await page.evaluate(() => history.back()); await at('multi-input');
  await page.evaluate(() => history.forward()); await at('draw');
  await settled(page, 'draw');
  assert.deepEqual(await census(page), { mounted: 'draw', subscribers: 2, nav: 'draw', s: 'draw', views: 1 });
  assert.deepEqual(page.problems, []);
  await page.close();
});
