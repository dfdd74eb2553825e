// Shared set-up for the browser tests: one static server for site/, one
// headless Chromium or Chrome (scripts/chromium.mjs), and pages that record every console error, CSP
// violation and request to another origin (each of which fails a test).
import { chromium } from 'playwright-core';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { findChromium } from '../../scripts/chromium.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const ARTIFACTS = new URL('../../test-results/screenshots/', import.meta.url);

// gzip: false serves as a host that compresses nothing (scripts/serve.mjs).
export async function startBrowser({ dir = new URL('../../site', import.meta.url).pathname, gzip = true } = {}) {
  const server = await startServer({ dir, gzip });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = await mkdtemp(join(tmpdir(), 'weightlab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(), headless: true, args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  await mkdir(ARTIFACTS, { recursive: true });

  async function open(path = '/', { width = 1280, height = 900 } = {}) {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    const problems = [];
    page.on('console', (m) => {  // a failed request is named by its URL
      if (m.type() === 'error') problems.push(`console: ${m.text()}${m.location()?.url ? ` (${m.location().url})` : ''}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) {
        problems.push(`request to another origin: ${r.url()}`);
      }
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await page.goto(origin + path);
    // Await in the page and return nothing: returning the engine would make
    // Playwright serialise the whole WASM module (heap included), ~25 s.
    await page.evaluate(async () => { await window.weightlab; });
    page.problems = problems;
    return page;
  }

  let serving = true;
  function stopServer() {  // the site goes away: only the service worker's copy is left
    serving = false;
    server.closeAllConnections?.();
    return new Promise((ok) => server.close(ok));
  }

  async function close() {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    if (serving) await stopServer();
  }

  return { origin, context, server, open, close, stopServer };
}

export async function screenshot(page, name) {
  await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true });
}

// Wait until section `id`'s view is mounted (main.js marks #view) and every
// view module is loaded, so no mount is still on its way; then one more task.
export async function settled(page, id) {
  await page.waitForFunction((id) => document.getElementById('view').dataset.mounted === id, id, { timeout: 20000 });
  await page.evaluate(async () => {
    await Promise.all(['lesson', 'mnist', 'vectors', 'dot-product', 'draw'].map((v) => import(`./js/views/${v}.js`).catch(() => {})));
    await new Promise((ok) => setTimeout(ok, 50));
  });
}

// Charts are made when they near the viewport (web/js/common/when-visible.js):
// scrolls each chart slot of the view into sight once, waits for the charts
// to exist, and comes back to the top.
export async function makeCharts(page) {
  await page.evaluate(async () => {
    for (const el of document.querySelectorAll('[data-role="learning"], [data-role="curves"], [data-role="surface"], [data-role="matrix"]')) {
      el.scrollIntoView();
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    }
    window.scrollTo(0, 0);
  });
  if (await page.$('[data-role="learning"]')) await page.waitForSelector('.wl-learning canvas');
  if (await page.$('[data-role="curves"]')) await page.waitForSelector('.wl-curve canvas');
  if (await page.$('[data-role="matrix"]')) await page.waitForSelector('.wl-matrix-wrap');
}
