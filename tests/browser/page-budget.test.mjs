// The first load's byte budget (issue 6): everything the first lesson needs,
// as served with gzip, must stay within first-load.mjs's PAGE_BUDGET_BYTES,
// and the MNIST data and models must not be part of it (they load lazily).
// The load time is printed, not asserted: it depends on the machine
// (scripts/bench measures it properly, median of cold loads).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser } from './harness.mjs';
import { recordResponses, timeToInteractive, PAGE_BUDGET_BYTES } from './first-load.mjs';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('first load of the first lesson stays within the byte budget, data and models lazy', async (t) => {
  const recorder = recordResponses(browser.context, browser.origin);
  const page = await browser.open('/');
  const ms = await timeToInteractive(page);
  await recorder.quiet();
  const { bytes, requests, precache } = await recorder.summary();

  t.diagnostic(`first load: ${requests.length} requests, ${bytes} bytes with gzip (budget ${PAGE_BUDGET_BYTES}); ` +
    `interactive after ${ms.toFixed(0)} ms (not asserted); service worker precache ${precache.bytes} bytes in ${precache.count} requests (not counted)`);
  for (const r of requests.slice().sort((a, b) => b.bytes - a.bytes).slice(0, 6)) {
    t.diagnostic(`  ${String(r.bytes).padStart(7)} ${r.encoding || 'identity'} ${r.path}`);
  }

  const lazy = requests.filter((r) => /\/(data|models)\//.test(r.path)).map((r) => r.path);
  assert.deepEqual(lazy, [], 'the first lesson must not load MNIST data or models');
  const big = requests.filter((r) => /\.(js|mjs|wasm|css|html)$|\/$/.test(r.path.split('?')[0]) && r.bytes > 2000 && r.encoding !== 'gzip');
  assert.deepEqual(big.map((r) => r.path), [], 'compressible files must be served gzip-compressed (scripts/site.d/zz-gzip.sh)');
  assert.ok(bytes <= PAGE_BUDGET_BYTES, `first load is ${bytes} bytes, over the ${PAGE_BUDGET_BYTES}-byte budget`);
  assert.deepEqual(page.problems, []);
});
