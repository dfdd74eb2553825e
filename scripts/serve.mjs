// A static file server for site/ on 127.0.0.1, for development and the
// browser tests. Any static host serves the site the same way.
//   node scripts/serve.mjs [port] [dir]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json',
};

export function startServer({ port = 0, dir = 'site', host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) throw new Error('outside root');
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const gz = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
      let body = await readFile(file);
      const headers = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
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
      res.writeHead(404, { 'Content-Type': 'text/plain' });
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
