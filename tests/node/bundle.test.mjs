// The built site's bundled modules and stylesheet (scripts/bundle-js.mjs,
// scripts/bundle-css.mjs): every module of web/js is in site/js exactly once
// (one instance of each: two copies of state.js would be two stores), every
// module a browser test imports by path is at that path, every file
// index.html names is there, and site.css is web/css's files in
// web/index.html's order (the same cascade).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, access } from 'node:fs/promises';
import { join, relative } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const SITE = join(ROOT, 'site');
const WEB = join(ROOT, 'web');

async function walk(d, ext) {
  const out = [];
  for (const entry of await readdir(d, { withFileTypes: true })) {
    const path = join(d, entry.name);
    if (entry.isDirectory()) out.push(...await walk(path, ext));
    else if (entry.name.endsWith(ext)) out.push(path);
  }
  return out;
}

test('every module of web/js is in the built site exactly once', async () => {
  const sources = (await walk(join(WEB, 'js'), '.js')).map((p) => relative(WEB, p)).sort();
  const seen = new Map();
  for (const f of await walk(join(SITE, 'js'), '.js')) {
    // esbuild marks where each source module's code starts: "// site.tmp/js/x.js"
    for (const [, m] of (await readFile(f, 'utf8')).matchAll(/^\/\/ site\.tmp\/(js\/\S+\.js)$/gm)) {
      seen.set(m, [...(seen.get(m) ?? []), relative(SITE, f)]);
    }
  }
  const twice = [...seen].filter(([, files]) => files.length > 1);
  assert.deepEqual(twice, [], 'a module bundled into more than one file');
  assert.deepEqual([...seen.keys()].filter((m) => !sources.includes(m)), [], 'a module the source does not have');
  // A module with no code of its own (only re-exports) has no mark; today every module has code.
  assert.deepEqual(sources.filter((m) => !seen.has(m)), [], 'a module missing from the site');
});

test('every module a browser test imports by path is at that path in the site', async () => {
  const tests = join(ROOT, 'tests/browser');
  const wanted = new Set();
  for (const f of (await readdir(tests)).filter((f) => f.endsWith('.mjs'))) {
    for (const [, m] of (await readFile(join(tests, f), 'utf8')).matchAll(/\bimport\(\s*['"`]\.?\/(js\/[^'"`$]+\.js)['"`]\s*\)/g)) wanted.add(m);
  }
  assert.ok(wanted.has('js/state.js'), 'the tests drive the page through js/state.js');
  for (const m of wanted) await access(join(SITE, m));
});

test('index.html names files the site has, and one stylesheet: web/css in its order', async () => {
  const html = await readFile(join(SITE, 'index.html'), 'utf8');
  for (const [, f] of html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"#:]+)"/g)) await access(join(SITE, f));
  const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
  assert.deepEqual(sheets, ['css/site.css']);
  const parts = [...(await readFile(join(WEB, 'index.html'), 'utf8')).matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
  assert.ok(parts.length > 1);
  const css = await readFile(join(SITE, 'css/site.css'), 'utf8');
  let at = 0;
  for (const p of parts) {
    const text = (await readFile(join(WEB, p), 'utf8')).trim();
    const k = css.indexOf(text, at);
    assert.ok(k >= at, `${p} is in site.css, after the files before it`);
    at = k + text.length;
  }
});
