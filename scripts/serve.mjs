// A static file server for site/ on 127.0.0.1, for development and the
// browser tests. Any static host serves the site the same way. It sends the
// headers of the site's own _headers file (the format Netlify and Cloudflare
// Pages read), so there is one list of them and the tests run under it.
//   node scripts/serve.mjs [port] [dir] [--no-gzip]
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

// gzip: false plays a host that compresses nothing (the .gz twins are never sent).
// Every response carries an ETag (size and time of the file sent), so a
// browser revalidating a file it has (the service worker's precache of what
// the page just fetched) gets a 304 and no body, as from any static host.
// server.sent lists every response: { path, status, bytes (the body as sent), encoding }.
export async function startServer({ port = 0, dir = 'site', host = '127.0.0.1', gzip = true } = {}) {
  const root = resolve(dir);
  const rules = await readRules(root);
  const sent = [];
  const server = createServer(async (req, res) => {
    const urlPath = new URL(req.url, 'http://x').pathname;
    const [end, head] = [res.end.bind(res), res.writeHead.bind(res)];
    let encoding = '';
    res.writeHead = (status, h) => { encoding = h?.['Content-Encoding'] ?? ''; return head(status, h); };
    res.end = (body) => {
      sent.push({ path: req.url, status: res.statusCode, bytes: body ? body.length : 0, encoding });
      return end(body);
    };
    const site = headersFor(rules, urlPath);
    try {
      let path = decodeURIComponent(urlPath);
      if (path === '/_headers') throw new Error('the host\'s file, not the site\'s');
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside root');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const gz = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      let body = await readFile(file);
      let sent = info;
      const headers = { ...site, 'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
      if (gz) {
        try {  // a .gz older than its file is stale (the file was changed after the build): skip it
          const twin = await stat(file + '.gz');
          if (twin.mtimeMs >= info.mtimeMs) {
            body = await readFile(file + '.gz');
            sent = twin;
            headers['Content-Encoding'] = 'gzip';
          }
        } catch { /* no .gz */ }
      }
      headers.ETag = `"${sent.size.toString(16)}-${Math.trunc(sent.mtimeMs).toString(16)}${headers['Content-Encoding'] ? '-gz' : ''}"`;
      if (req.headers['if-none-match'] === headers.ETag) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...site, 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  server.sent = sent;
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // node scripts/serve.mjs [port] [dir] [--no-gzip]
  const args = process.argv.slice(2).filter((a) => a !== '--no-gzip');
  const port = Number(args[0] ?? 8000);
  const server = await startServer({ port, dir: args[1] ?? 'site', gzip: !process.argv.includes('--no-gzip') });
  console.log(`weightlab is served at http://127.0.0.1:${server.address().port}/`);
}
