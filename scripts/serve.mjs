// A static file server for site/ on 127.0.0.1, for development and the
// browser tests. Any static host serves the site the same way. It sends the
// headers of the site's own _headers file (the format Netlify and Cloudflare
// Pages read), so there is one list of them and the tests run under it.
//   node scripts/serve.mjs [port] [dir]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};

// _headers: a line that starts in column 0 is a path pattern (`*` matches
// anything); the indented `Name: value` lines under it are its headers.
// Lines starting with # are comments.
export function parseHeaders(text) {
  const rules = [];
  for (const [n, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const glob = line.trim().split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: {} });
      continue;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*?)\s*$/.exec(line);
    if (!m || !rules.length) throw new Error(`_headers line ${n + 1}: expected "  Name: value" under a path`);
    rules.at(-1).headers[m[1]] = m[2];
  }
  return rules;
}

export function headersFor(rules, path) {
  return Object.assign({}, ...rules.filter((r) => r.pattern.test(path)).map((r) => r.headers));
}

async function readRules(root) {
  try {
    return parseHeaders(await readFile(join(root, '_headers'), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

export async function startServer({ port = 0, dir = 'site', host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  const rules = await readRules(root);
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url, 'http://x').pathname;
    const site = headersFor(rules, urlPath);
    try {
      let path = decodeURIComponent(urlPath);
      if (path === '/_headers') throw new Error('the host\'s file, not the site\'s');
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside root');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const gz = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      let body = await readFile(file);
      const headers = { ...site, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache' };
      if (gz) {
        try {  // a .gz older than its file is stale (the file was changed after the build): skip it
          if ((await stat(file + '.gz')).mtimeMs >= info.mtimeMs) {
            body = await readFile(file + '.gz');
            headers['Content-Encoding'] = 'gzip';
          }
        } catch { /* no .gz */ }
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...site, 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2] ?? 8000);
  const server = await startServer({ port, dir: process.argv[3] ?? 'site' });
  console.log(`weightlab is served at http://127.0.0.1:${server.address().port}/`);
}
