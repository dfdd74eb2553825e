// The static import graph of the site's ES modules: every module reachable
// from `entries` through `import ... from './x.js'` / `import './x.js'`
// (dynamic imports are not followed). Paths relative to `dir`.
// Used by scripts/make-sw.mjs (what to precache) and scripts/modulepreload.mjs.
import { readFile, access } from 'node:fs/promises';
import { join, dirname, posix } from 'node:path';

const IMPORT = /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|^\s*import\s*['"](\.{1,2}\/[^'"]+)['"]/gm;

export async function importClosure(dir, entries) {
  const seen = new Set();
  const todo = [...entries];
  while (todo.length) {
    const f = todo.pop();
    if (seen.has(f)) continue;
    try { await access(join(dir, f)); } catch { continue; }
    seen.add(f);
    const text = await readFile(join(dir, f), 'utf8');
    for (const m of text.matchAll(IMPORT)) todo.push(posix.normalize(posix.join(dirname(f), m[1] ?? m[2])));
  }
  return [...seen];
}

// What the first view needs: main.js, the engine and the first section's view.
export const FIRST_VIEW_MODULES = ['js/main.js', 'js/engine.js', 'wasm/weightlab.mjs', 'js/views/lesson.js'];
