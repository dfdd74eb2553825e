// Fewer, larger ES modules for the site (issue 16: the first lesson
// interactive sooner). web/js has some 90 small modules, 38 of them on the
// first view's path; over HTTP/1.1 (6 connections to a host) that is some
// eight round trips, one after another, before the lesson can mount. esbuild
// bundles them here, at build time, into the same ES modules with code
// splitting: every module's code is in the site exactly once (one instance:
// state.js's store is the store everyone uses), in an "entry" file at its own
// path or in a shared chunk (js/chunks/). Entries, each kept at its path:
//   - every module index.html loads with a <script> (js/main.js,
//     js/engine-early.js) and every js/views/*.js (main.js imports the
//     section's view by name);
//   - every module some module imports with a literal import('...');
//   - the modules in BY_PATH below: those the browser tests import by their
//     path (`import('/js/x.js')`) to drive the page's own instance of them
//     (tests/node/bundle.test.mjs checks the list covers every such import).
// Every other module lives only inside the entries and chunks. Nothing is
// minified (gzip does the rest; the code stays readable), and every relative
// import of the output is checked to name a file of the site.
//   node scripts/bundle-js.mjs site.tmp
import { build } from 'esbuild';
import { readdir, readFile, rm, rename, access } from 'node:fs/promises';
import { join, dirname, posix, relative } from 'node:path';

const dir = process.argv[2] ?? 'site.tmp';
const js = join(dir, 'js');

async function walk(d) {
  const out = [];
  for (const entry of await readdir(d, { withFileTypes: true })) {
    const path = join(d, entry.name);
    if (entry.isDirectory()) out.push(...await walk(path));
    else if (entry.name.endsWith('.js')) out.push(path);
  }
  return out;
}
const exists = (p) => access(p).then(() => true, () => false);

const modules = (await walk(js)).map((p) => relative(dir, p));   // js/...
const html = await readFile(join(dir, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="(js\/[^"]+\.js)"/g)].map((m) => m[1]);
if (!scripts.includes('js/main.js')) throw new Error(`bundle-js: ${dir}/index.html does not load js/main.js`);
const entries = new Set([...scripts, ...modules.filter((m) => m.startsWith('js/views/'))]);
const DYNAMIC = /\bimport\(\s*['"](\.{1,2}\/[^'"]+\.js)['"]\s*\)/g;
for (const m of modules) {
  for (const [, to] of (await readFile(join(dir, m), 'utf8')).matchAll(DYNAMIC)) {
    const target = posix.normalize(posix.join(dirname(m), to));
    if (target.startsWith('js/')) entries.add(target);
  }
}
const BY_PATH = ['js/state.js', 'js/sections.js', 'js/vendor.js', 'js/lesson/config.js',
  'js/common/fetch.js', 'js/common/format.js', 'js/common/frame-timing.js', 'js/common/motion.js',
  'js/common/trace.js', 'js/charts/error-curves.js', 'js/charts/error-surface.js',
  'js/charts/weight-matrix.js'];
for (const m of BY_PATH) {
  if (!modules.includes(m)) throw new Error(`bundle-js: BY_PATH names ${m}, which the site does not have`);
  entries.add(m);
}

// Anything outside js/ (the engine's wasm/weightlab.mjs, vendor/) stays a
// file of its own, imported by the path written in the source.
const outside = {
  name: 'outside-js',
  setup(b) {
    b.onResolve({ filter: /^\.{1,2}\// }, (args) => {
      const target = join(args.resolveDir, args.path);
      return relative(js, target).startsWith('..') ? { path: args.path, external: true } : undefined;
    });
  },
};

const out = `${js}.bundled`;
await rm(out, { recursive: true, force: true });
const result = await build({
  entryPoints: [...entries].sort().map((m) => join(dir, m)),
  outbase: js, outdir: out, entryNames: '[dir]/[name]', chunkNames: 'chunks/[name]-[hash]',
  bundle: true, splitting: true, format: 'esm', charset: 'utf8', minify: false,
  logLevel: 'warning', plugins: [outside], metafile: true,
});
await rm(js, { recursive: true });
await rename(out, js);

// Every relative import of the output names a file of the site (an external
// import that moved into a chunk at another depth would not).
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;
const files = await walk(js);
for (const f of files) {
  const code = (await readFile(f, 'utf8')).replace(/^\s*\/\/.*$/gm, '');   // esbuild's comments name sources
  for (const [, to] of code.matchAll(IMPORT)) {
    if (!await exists(join(dirname(f), to))) throw new Error(`bundle-js: ${relative(dir, f)} imports ${to}, which is not in the site`);
  }
}
const chunks = files.filter((f) => f.includes('/chunks/')).length;
console.log(`bundle-js: ${modules.length} modules -> ${entries.size} entries at their paths + ${chunks} shared chunks` +
  ` (${Object.keys(result.metafile.inputs).length} inputs)`);
