// Writes the site's file list and a content hash into site/sw.js, so the
// service worker precaches everything and each deploy gets its own cache.
//   node scripts/make-sw.mjs site
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const dir = process.argv[2] ?? 'site';

async function walk(d) {
  const out = [];
  for (const entry of await readdir(d, { withFileTypes: true })) {
    const path = join(d, entry.name);
    if (entry.isDirectory()) out.push(...await walk(path));
    else out.push(path);
  }
  return out;
}

// The host's own files (_headers: the HTTP headers to send) are never served
// as pages, so they are not precached; they are hashed all the same, so that
// new headers make a new cache (a cached response keeps the headers it came with).
const HOST_FILES = new Set(['_headers', '_redirects']);
const all = (await walk(dir))
  .map((p) => relative(dir, p))
  // .onnx: the models for download (scripts/onnx/export.mjs), fetched when clicked, not precached
  .filter((p) => p !== 'sw.js' && !p.endsWith('.gz') && !p.endsWith('.onnx'))
  .sort();
const files = all.filter((p) => !HOST_FILES.has(p));
const hash = createHash('sha256');
for (const f of all) {
  hash.update(f);
  hash.update(await readFile(join(dir, f)));
}
const version = hash.digest('hex').slice(0, 16);
const list = ['./', ...files.filter((f) => f !== 'index.html'), 'index.html'];
const swPath = join(dir, 'sw.js');
const sw = (await readFile(swPath, 'utf8'))
  .replace("const VERSION = 'dev';", `const VERSION = '${version}';`)
  .replace('const FILES = [];', `const FILES = ${JSON.stringify(list, null, 1)};`);
if (!sw.includes(version)) throw new Error('sw.js: VERSION placeholder not found');
await writeFile(swPath, sw);
console.log(`service worker: ${files.length} files, cache weightlab-${version}`);
