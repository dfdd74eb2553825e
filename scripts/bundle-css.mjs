// One stylesheet for the site: index.html's <link rel="stylesheet"> files
// (web/css/*.css), concatenated in their order into css/site.css, which
// then is the page's only stylesheet link. The cascade is the same (the
// same rules in the same order), at one request instead of nine; each part
// starts with a comment naming its source file. The parts are removed from
// the site (nothing else links them).
//   node scripts/bundle-css.mjs site.tmp
import { readFile, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'site.tmp';
const OUT = 'css/site.css';
const page = join(dir, 'index.html');
const html = await readFile(page, 'utf8');
const LINK = /\n[ \t]*<link rel="stylesheet" href="(css\/[^"]+\.css)">/g;
const parts = [...html.matchAll(LINK)].map((m) => m[1]);
if (!parts.length) throw new Error(`bundle-css: ${page} links no stylesheet`);
const texts = await Promise.all(parts.map((p) => readFile(join(dir, p), 'utf8')));
for (const [k, text] of texts.entries()) {
  if (/@import|@charset/.test(text)) throw new Error(`bundle-css: ${parts[k]} has an @import or @charset, which cannot be concatenated`);
}
await writeFile(join(dir, OUT), texts.map((t, k) => `/* ${parts[k]} */\n${t.trimEnd()}\n`).join('\n'));
let first = true;
await writeFile(page, html.replace(LINK, (m) => {
  if (!first) return '';
  first = false;
  return m.replace(/href="[^"]+"/, `href="${OUT}"`);
}));
await Promise.all(parts.map((p) => rm(join(dir, p))));
console.log(`bundle-css: ${parts.length} stylesheets -> ${OUT} (${texts.reduce((s, t) => s + t.length, 0)} bytes)`);
