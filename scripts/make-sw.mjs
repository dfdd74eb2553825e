// Writes into site/sw.js what the service worker needs, and site/files.json
// (the page's "available offline" control reads it):
//   VERSION  a hash of the site's files: each deploy gets its own cache;
//   FILES    what the first view and the navigation need (precached on the
//            first visit): the page, its CSS and classic scripts, the modules
//            main.js, the engine and the first section's view import, the
//            engine's .wasm, the offline control;
//   SITE     every file of the site with a hash of its bytes (files.json: the
//            version): any of them is
//            cached when first fetched, and a new deploy keeps the cached
//            copies of the files it did not change.
// files.json: { version, files: [{ path, bytes }] }, every file of SITE.
//   node scripts/make-sw.mjs site
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { importClosure, FIRST_VIEW_MODULES } from './import-graph.mjs';

const dir = process.argv[2] ?? 'site';
const ENTRIES = [...FIRST_VIEW_MODULES, 'js/common/offline.js'];

async function walk(d) {
  const out = [];
  for (const entry of await readdir(d, { withFileTypes: true })) {
    const path = join(d, entry.name);
    if (entry.isDirectory()) out.push(...await walk(path));
    else out.push(path);
  }
  return out;
}

const paths = (await walk(dir)).map((p) => relative(dir, p));
const present = new Set(paths);
// A gzip twin (file.gz beside file, scripts/site.d/zz-gzip.sh) is the host's
// business, never fetched by that name; data/*.wld.gz has no twin: a site file.
const twin = (p) => p.endsWith('.gz') && present.has(p.slice(0, -3));
// The host's own files (_headers: the HTTP headers to send) are never served
// as pages, so they are not cached; they are hashed all the same, so that
// new headers make a new cache (a cached response keeps the headers it came with).
const HOST_FILES = new Set(['_headers', '_redirects']);
// .onnx: the models for download (scripts/onnx/export.mjs), fetched when clicked, not cached.
const all = paths.filter((p) => p !== 'sw.js' && p !== 'files.json' && !twin(p) && !p.endsWith('.onnx')).sort();
const files = all.filter((p) => !HOST_FILES.has(p));

const hashes = {};
const version = createHash('sha256');
for (const f of all) {
  const bytes = await readFile(join(dir, f));
  hashes[f] = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  version.update(f);
  version.update(bytes);
}
const VERSION = version.digest('hex').slice(0, 16);

const html = await readFile(join(dir, 'index.html'), 'utf8');
const linked = [...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"#:]+)"/g)].map((m) => m[1]);
const first = new Set([...linked, ...await importClosure(dir, [...ENTRIES, ...linked.filter((f) => f.endsWith('.js'))]),
  'wasm/weightlab.wasm']);
for (const f of first) if (!present.has(f)) throw new Error(`make-sw: the first view needs ${f}, which the site does not have`);
// files.json belongs to this version (it names it), so it is cached with it: the
// control reads it offline too.
const precache = ['./', ...files.filter((f) => first.has(f) && f !== 'index.html'), 'files.json', 'index.html'];

const SITE = { './': hashes['index.html'], ...Object.fromEntries(files.map((f) => [f, hashes[f]])), 'files.json': VERSION };
const swPath = join(dir, 'sw.js');
const sw = (await readFile(swPath, 'utf8'))
  .replace("const VERSION = 'dev';", `const VERSION = '${VERSION}';`)
  .replace('const FILES = [];', `const FILES = ${JSON.stringify(precache, null, 1)};`)
  .replace('const SITE = {};', `const SITE = ${JSON.stringify(SITE, null, 1)};`);
if (!sw.includes(VERSION) || !sw.includes(`"${files[0]}": "`)) throw new Error('sw.js: VERSION, FILES or SITE placeholder not found');
await writeFile(swPath, sw);

const sizes = await Promise.all(files.map(async (path) => ({ path, bytes: (await stat(join(dir, path))).size })));
await writeFile(join(dir, 'files.json'), `${JSON.stringify({ version: VERSION, files: sizes })}\n`);
const kb = (list) => Math.round(list.reduce((s, f) => s + f.bytes, 0) / 1000);
console.log(`service worker: ${files.length} files (${kb(sizes)} KB), ${precache.length - 1} precached ` +
  `(${kb(sizes.filter((f) => first.has(f.path)))} KB), cache weightlab-${VERSION}`);
