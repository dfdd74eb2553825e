// The headers a static host should send, in one file (web/_headers, copied to
// site/ by the build, never precached), sent by scripts/serve.mjs: a CSP that
// is index.html's plus frame-ancestors 'none' (which a <meta> cannot set), so
// no other page can frame the site.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startBrowser } from './harness.mjs';

const SITE = new URL('../../site/', import.meta.url);
let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

test('every response carries the headers of site/_headers, and the CSP is the page\'s plus frame-ancestors', async () => {
  const rules = await readFile(new URL('_headers', SITE), 'utf8');
  assert.equal(rules, await readFile(new URL('../../web/_headers', import.meta.url), 'utf8'), 'the build copies web/_headers');
  const list = JSON.parse(/const FILES = (\[[^\]]*\]);/.exec(await readFile(new URL('sw.js', SITE), 'utf8'))[1]);
  assert.ok(list.includes('index.html') && !list.some((f) => f.includes('_headers')), 'the service worker does not precache _headers');

  const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(await readFile(new URL('index.html', SITE), 'utf8'))[1];
  for (const path of ['/', '/?s=draw', '/js/main.js', '/wasm/weightlab.wasm', '/sw.js', '/no-such-file']) {
    const res = await fetch(browser.origin + path);
    const h = (name) => res.headers.get(name);
    assert.equal(h('content-security-policy'), `${meta}; frame-ancestors 'none'`, `${path}: CSP`);
    assert.equal(h('x-frame-options'), 'DENY', path);
    assert.equal(h('x-content-type-options'), 'nosniff', path);
    assert.equal(h('referrer-policy'), 'no-referrer', path);
    assert.equal(h('cross-origin-opener-policy'), 'same-origin', path);
    assert.match(h('permissions-policy'), /camera=\(\)/, path);
  }
  assert.equal((await fetch(`${browser.origin}/_headers`)).status, 404, 'the host\'s file is not served');
});

test('the site refuses to be framed, even by itself', async () => {
  const page = await browser.open('/');
  const framed = await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.src = './?s=draw';
    const loaded = new Promise((ok) => frame.addEventListener('load', ok, { once: true }));
    document.body.append(frame);
    await loaded;
    let inside = null;
    try { inside = frame.contentDocument?.querySelector('#nav') ? 'the page' : 'something else'; } catch { inside = 'blocked'; }
    return inside;
  });
  console.log(`framed: ${framed}; ${page.problems.join(' | ')}`);
  assert.notEqual(framed, 'the page', 'the framed page did not load');
  const refused = page.problems.filter((p) => /frame-ancestors|X-Frame-Options/.test(p));
  assert.ok(refused.length >= 1, `Chromium says why: ${page.problems.join(' | ')}`);
  assert.deepEqual(page.problems.filter((p) => !refused.includes(p)), []);
  await page.close();
});
