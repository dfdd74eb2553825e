// The first visit caches what the first lesson needs; every other file is
// cached when first fetched, so once each section has been opened, the
// whole site works with the server gone. A new deploy (a new sw.js version)
// replaces the old cache instead of piling up beside it, keeping the files
// it did not change. The "available offline" control takes every file at once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowser } from './harness.mjs';

const SITE = new URL('../../site', import.meta.url).pathname;
const dirs = [];
async function deploy() {   // a copy of the site we can change
  const dir = await mkdtemp(join(tmpdir(), 'weightlab-site-'));
  await cp(SITE, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
after(async () => { for (const dir of dirs) await rm(dir, { recursive: true, force: true }); });

const waitForController = () => navigator.serviceWorker.ready.then(() => new Promise((ok) => {
  if (navigator.serviceWorker.controller) ok();
  else navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true });
}));
const cachedPaths = () => caches.keys().then(async (keys) => (await (await caches.open(keys[0])).keys())
  .map((r) => new URL(r.url).pathname.slice(1)));
const manifest = async (dir) => JSON.parse(await readFile(join(dir, 'files.json'), 'utf8'));

async function sectionsWorkOffline(browser, page) {
  const sections = await page.evaluate(async () => (await import('./js/sections.js')).SECTIONS.map((s) => s.id));
  for (const id of sections) {
    await page.goto(`${browser.origin}/?s=${id}`);
    await page.evaluate(async () => { await window.weightlab; });  // returning the module would serialise its heap
    await page.waitForFunction(() => !document.querySelector('#loading') && document.querySelector('main').textContent.trim().length > 20);
    const text = await page.textContent('main');
    assert.ok(!/NaN/.test(text), `section ${id} shows no NaN`);
    // what the section asks for after it is shown (charts coming into view load their
    // modules): "opened once" means left to load, or the next goto cancels those requests
    await page.waitForLoadState('networkidle');
  }
  return sections;
}

test('the first visit caches the first lesson only; each section is cached when opened; a new deploy keeps what it did not change', async () => {
  const dir = await deploy();
  const browser = await startBrowser({ dir });
  try {
    const page = await browser.open('/');
    await page.evaluate(waitForController);
    const first = await page.evaluate(() => caches.keys());
    assert.equal(first.length, 1);
    assert.match(first[0], /^weightlab-[0-9a-f]{16}$/);
    const precached = await page.evaluate(cachedPaths);
    assert.ok(precached.includes('js/views/lesson.js') && precached.includes('wasm/weightlab.wasm'), 'the first lesson is cached');
    assert.ok(!precached.some((p) => /^(data|models)\/|views\/(mnist|draw)\.js$/.test(p)), `nothing else is: ${precached}`);

    // Open every section once, online: each is cached as it is opened.
    await sectionsWorkOffline(browser, page);
    // The data sets a section fetches after it is shown (a quick pass may leave before they arrive).
    await page.evaluate(() => import('./js/common/fetch.js').then((m) => Promise.all([m.fetchBytes(m.TRAIN_URL), m.fetchBytes(m.TEST_URL)])));
    const opened = await page.evaluate(cachedPaths);
    assert.ok(opened.includes('js/views/mnist.js') && opened.includes('js/views/draw.js') &&
      opened.includes('data/mnist-train-1000.wld.gz') && opened.includes('data/mnist-test-2000.wld.gz'), 'opened sections are cached');

    const swPath = join(dir, 'sw.js');
    const sw = await readFile(swPath, 'utf8');
    const next = 'f'.repeat(16);
    await writeFile(swPath, sw.replace(/const VERSION = '[0-9a-f]{16}'/, `const VERSION = '${next}'`));
    await page.evaluate(async () => {
      const changed = new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
      await (await navigator.serviceWorker.getRegistration()).update();
      await changed;
    });
    await page.waitForFunction((name) => caches.keys().then((k) => k.length === 1 && k[0] === name), `weightlab-${next}`);
    const kept = await page.evaluate(cachedPaths);
    assert.deepEqual(opened.filter((p) => !kept.includes(p)), [], 'the new cache keeps every unchanged file');

    await browser.stopServer();
    await sectionsWorkOffline(browser, page);
    const bytes = await page.evaluate(() => import('./js/common/fetch.js').then((m) => m.fetchBytes(m.TRAIN_URL)).then((b) => b.length));
    assert.equal(bytes, 28 + 1000 * 785, 'the training set, inflated, offline');
    assert.deepEqual(page.problems, []);
    await page.close();
  } finally {
    await browser.close();
  }
});

test('"available offline" says the size first, then takes the whole site offline with a progress bar', async () => {
  const dir = await deploy();
  const { files } = await manifest(dir);
  const total = files.reduce((s, f) => s + f.bytes, 0);
  const browser = await startBrowser({ dir });
  try {
    const page = await browser.open('/');
    await page.evaluate(waitForController);
    await page.waitForSelector('.offline-go');
    assert.match(await page.textContent('.offline-text'), new RegExp(`whole site is ${(total / 1e6).toFixed(1)} MB`));
    const widths = [];
    await page.click('.offline-go');
    await page.waitForFunction(() => {
      const bar = document.querySelector('.offline-bar');
      (window.__bar ??= []).push(bar.hidden ? -1 : bar.value / bar.max);
      return /is available offline/.test(document.querySelector('.offline-text').textContent);
    }, null, { timeout: 60000, polling: 20 });
    widths.push(...await page.evaluate(() => window.__bar.filter((v) => v >= 0)));
    assert.ok(widths.some((v) => v > 0 && v < 1), `the bar moved: ${widths.slice(0, 5)}…`);
    const cached = await page.evaluate(cachedPaths);
    assert.deepEqual(files.map((f) => f.path).filter((p) => !cached.includes(p)), [], 'every file is cached');

    await browser.stopServer();
    await sectionsWorkOffline(browser, page);
    const bytes = await page.evaluate(() => import('./js/common/fetch.js').then((m) => m.fetchBytes(m.TEST_URL)).then((b) => b.length));
    assert.ok(bytes > 28 && (bytes - 28) % 785 === 0, 'the test set, inflated, offline');
    assert.deepEqual(page.problems, []);
    await page.close();
  } finally {
    await browser.close();
  }
});
