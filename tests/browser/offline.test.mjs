// After one visit the service worker serves the whole site: with the server
// gone, every section still loads and works. A new deploy (a new sw.js
// version) replaces the old cache instead of piling up beside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowser } from './harness.mjs';

let browser, dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'weightlab-site-'));   // a deploy we can change
  await cp(new URL('../../site', import.meta.url).pathname, dir, { recursive: true });
  browser = await startBrowser({ dir });
});
after(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

const waitForController = () => new Promise((ok) => {
  if (navigator.serviceWorker.controller) ok();
  else navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true });
});

test('a new deploy replaces the cache, and every section then works offline', async () => {
  const page = await browser.open('/');
  await page.evaluate(waitForController);
  const first = await page.evaluate(() => caches.keys());
  assert.equal(first.length, 1);
  assert.match(first[0], /^weightlab-[0-9a-f]{16}$/);

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
  const files = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).length);
  assert.ok(files > 10, `the cache holds the site (${files} files)`);
  const sections = await page.evaluate(async () => (await import('./js/sections.js')).SECTIONS.map((s) => s.id));

  await browser.stopServer();
  for (const id of sections) {
    await page.goto(`${browser.origin}/?s=${id}`);
    await page.evaluate(async () => { await window.weightlab; });  // returning the module would serialise its heap
    await page.waitForFunction(() => !document.querySelector('#loading') && document.querySelector('main').textContent.trim().length > 20);
    const text = await page.textContent('main');
    assert.ok(!/NaN/.test(text), `section ${id} shows no NaN`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});
