// Lists in site/index.html, as <link rel="modulepreload">, every module the
// first view imports (scripts/import-graph.mjs), so the browser fetches them
// all while it parses the page instead of one level of imports after another.
//   node scripts/modulepreload.mjs site
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importClosure, FIRST_VIEW_MODULES } from './import-graph.mjs';

const dir = process.argv[2] ?? 'site';
const path = join(dir, 'index.html');
const html = await readFile(path, 'utf8');
const listed = new Set([...html.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="([^"]+)"/g)].map((m) => m[1]));
const modules = (await importClosure(dir, FIRST_VIEW_MODULES)).filter((f) => !listed.has(f)).sort();
const anchor = '<link rel="modulepreload" href="js/engine.js">';
if (!html.includes(anchor)) throw new Error(`modulepreload: ${path} has no ${anchor}`);
const links = modules.map((f) => `\n  <link rel="modulepreload" href="${f}">`).join('');
await writeFile(path, html.replace(anchor, anchor + links));
console.log(`modulepreload: ${modules.length} modules of the first view listed in index.html`);
