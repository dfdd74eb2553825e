// One missing file costs only what needs it. A served copy of the site
// without Chart.js still navigates across every section, says where each chart
// would be that the charts could not load, installs its offline copy without
// that one file and works offline; a copy without one view module says so in
// that section's place and every other section still works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowser, settled, screenshot, ARTIFACTS } from './harness.mjs';

const SITE = new URL('../../site', import.meta.url).pathname;

// A copy of site/ without `files` (and their .gz), served in a fresh browser.
async function withSiteWithout(files, fn) {
  const dir = await mkdtemp(join(tmpdir(), 'weightlab-missing-'));
  await cp(SITE, dir, { recursive: true });
  for (const f of files) for (const p of [f, `${f}.gz`]) await rm(join(dir, p), { force: true });
  const browser = await startBrowser({ dir });
  try {
    await fn(browser, dir);
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

// Every problem the page met, but the failed requests for the file we removed
// (its 404, and the script that could not run from that 404 page).
const unexpected = (page, file) => page.problems.filter((p) =>
  !((p.includes('Failed to load resource') || p.includes('Refused to execute script')) && p.includes(file)));

const clickSection = (page, id) => page.evaluate((id) => document.querySelector(`#nav a[data-section="${id}"]`).click(), id);
const sectionIds = (page) => page.evaluate(async () => (await import('./js/sections.js')).SECTIONS.map((s) => [s.id, s.title, s.view]));

test('without vendor/chart.umd.js every section still works, and says where the charts could not load', async () => {
  const file = 'vendor/chart.umd.js';
  await withSiteWithout([file], async (browser, dir) => {
    const page = await browser.open('/?s=steps&ph=update');   // the step's last beat: all its numbers
    await settled(page, 'steps');
    const note = 'Charts could not load (vendor/chart.umd.js is missing)';
    await page.evaluate(() => document.querySelector('.charts-panel').scrollIntoView());   // charts are made when near the view
    // The charts panel says it, and everything else of the lesson is there.
    assert.match(await page.textContent('.charts-panel .missing'), new RegExp(note.replace(/[()./]/g, '\\$&')));
    const text = await page.textContent('.numbers-panel');
    for (const n of ['0.86', '-1.19', '0.1119']) assert.ok(text.includes(n), `the numbers are there (${n})`);
    assert.equal(await page.locator('.lesson svg.diagram').count(), 1, 'the diagram is there');
    await page.waitForSelector('.charts-panel canvas');
    assert.equal(await page.locator('.charts-panel canvas').count() > 0, true, 'the error surface (no Chart.js) is drawn');
    await page.click('[data-act="next"]');
    assert.equal(new URL(page.url()).searchParams.get('it'), '2', 'stepping works');
    for (const [width, height] of [[375, 812], [1280, 800]]) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => document.querySelector('.charts-panel .missing').scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: new URL(`missing-chart-${width}.png`, ARTIFACTS).pathname });
    }

    // Every section, by the navigation.
    for (const [id, title, view] of await sectionIds(page)) {
      await clickSection(page, id);
      await settled(page, id);
      // each section's data arrives (and is kept for offline use, as the end of this test needs)
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('main h1').first().textContent(), title, `${id} shows`);
      if (view === 'mnist') assert.match(await page.textContent('.mnist .missing'), /Charts could not load \(vendor\/chart\.umd\.js is missing\)/);
      if (['multi-input', 'side-by-side', 'freeze'].includes(id)) {
        await page.evaluate(() => document.querySelector('.charts-panel').scrollIntoView());
        assert.match(await page.textContent('.charts-panel .missing'), /Charts could not load/, `${id}: the curves' place says why`);
      }
    }

    // The offline copy holds every other file.
    await page.evaluate(() => new Promise((ok) => {
      if (navigator.serviceWorker.controller) ok();
      else navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true });
    }));
    const listed = JSON.parse(/const FILES = (\[[^\]]*\]);/.exec(await readFile(join(dir, 'sw.js'), 'utf8'))[1]);
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const urls = (await (await caches.open(keys[0])).keys()).map((r) => new URL(r.url).pathname.slice(1) || './');
      return { keys, urls };
    });
    assert.equal(cached.keys.length, 1, 'one cache');
    assert.deepEqual(listed.filter((f) => f !== file && !cached.urls.includes(f)), [], 'every precached file but the missing one is cached');
    assert.ok(!cached.urls.includes(file), 'the missing one is not');

    await browser.stopServer();
    for (const id of ['steps', 'draw', 'mnist']) {
      await page.goto(`${browser.origin}/?s=${id}`);
      await page.evaluate(async () => { await window.weightlab; });
      await settled(page, id);
      assert.ok((await page.textContent('main')).length > 200, `${id} works offline`);
    }
    assert.deepEqual(unexpected(page, file), []);
    await page.close();
  });
});

test('without one view module that section says so in its place, and every other section works', async () => {
  const file = 'js/views/mnist.js';
  await withSiteWithout([file], async (browser) => {
    const page = await browser.open('/?s=mnist');
    await page.waitForSelector('.view-failed');
    const says = await page.textContent('.view-failed');
    assert.match(says, /This section could not load: js\/views\/mnist\.js is missing from the site\./);
    assert.match(says, /The other sections still work/);
    assert.equal(await page.locator('#nav a[aria-current="page"]').getAttribute('data-section'), 'mnist');
    for (const [width, height] of [[375, 812], [1280, 800]]) {
      await page.setViewportSize({ width, height });
      await screenshot(page, `missing-view-${width}`);
    }
    for (const [id, title, view] of await sectionIds(page)) {
      await clickSection(page, id);
      if (view === 'mnist') {
        await page.waitForFunction(() => document.querySelector('.view-failed h1')?.textContent === 'What the weights learn');
        continue;
      }
      await settled(page, id);
      assert.equal(await page.locator('main h1').first().textContent(), title, `${id} shows`);
      assert.equal(await page.locator('.view-failed').count(), 0, `${id}: no failure left over`);
    }
    assert.deepEqual(unexpected(page, file), []);
    await page.close();
  });
});

test('without the engine every section says the engine is missing, and the navigation still moves', async () => {
  const file = 'wasm/weightlab.wasm';
  await withSiteWithout([file], async (browser) => {
    const page = await browser.context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`${m.text()} (${m.location()?.url ?? ''})`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(`${browser.origin}/?s=draw`);
    const failed = await page.evaluate(() => window.weightlab.then(() => 'loaded', (e) => e.message));
    assert.notEqual(failed, 'loaded');
    await page.waitForSelector('.view-failed');
    const says = await page.textContent('.view-failed');
    assert.match(says, /The engine could not load \(wasm\/weightlab\.wasm is missing from the site\), and every section needs it\./);
    assert.equal(await page.textContent('.view-failed h1'), 'Draw a digit');
    await page.click('#nav a[data-section="freeze"]');
    assert.equal(await page.textContent('.view-failed h1'), 'Freezing a weight');
    assert.equal(await page.locator('#nav a[aria-current="page"]').getAttribute('data-section'), 'freeze');
    assert.equal(new URL(page.url()).searchParams.get('s'), 'freeze');
    await page.setViewportSize({ width: 375, height: 812 });
    await screenshot(page, 'missing-engine-375');
    // Only the missing file and what its absence makes the module say.
    console.log(`without ${file}: ${problems.join(' | ')}`);
    assert.ok(problems.some((p) => p.includes(file)), 'the 404 is said');
    assert.deepEqual(problems.filter((p) => !p.includes(file)), [], 'nothing else goes wrong');
    await page.close();
  });
});
