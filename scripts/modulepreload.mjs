// Lists in site/index.html, as <link rel="modulepreload">, every module the
// first view imports (scripts/import-graph.mjs), so the browser fetches them
// all while it parses the page instead of one level of imports after another.
// They go after js/engine.js's link, which web/index.html puts after the
// engine's .wasm and module and before the styles (see the comment there).
//   node scripts/modulepreload.mjs site
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importClosure, FIRST_VIEW_MODULES } from './import-graph.mjs';

const dir = process.argv[2] ?? 'site';
const path = join(dir, 'index.html');
const html = await readFile(path, 'utf8');
const listed = new Set([...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"/g)].map((m) => m[1]));
// In the order they are needed: main.js's own imports first (main.js runs,
// and starts the engine, only once they are all in), then the engine's, then
// the first view's; each group sorted.
const modules = [];
for (const entry of FIRST_VIEW_MODULES) {
  const seen = new Set([...listed, ...modules]);
  modules.push(...(await importClosure(dir, [entry])).filter((f) => !seen.has(f)).sort());
}
const anchor = '<link rel="modulepreload" href="js/engine.js">';
if (!html.includes(anchor)) throw new Error(`modulepreload: ${path} has no ${anchor}`);
const links = modules.map((f) => `\n  <link rel="modulepreload" href="${f}">`).join('');
await writeFile(path, html.replace(anchor, anchor + links));
console.log(`modulepreload: ${modules.length} modules of the first view listed in index.html`);
