// The page loads the engine under the strict CSP and shows its numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, screenshot } from './harness.mjs';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('the first page shows example 2\'s first iteration, computed by WASM', async () => {
  const page = await browser.open('/');
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/);
  const text = await page.textContent('main');
  for (const n of ['0.8600', '0.0196', '-0.1400', '-1.1900', '-0.0910', '-0.1680', '0.1119', '0.2009', '-0.0983']) {
    assert.ok(text.includes(n), `page shows ${n}`);
  }
  await screenshot(page, 'first-step-1280');
  assert.deepEqual(page.problems, []);
  await page.close();
});
