// The service worker: after the first visit the whole site is served from a
// cache, so every view works offline. The build writes VERSION (a hash of the
// site's files) and FILES (every file of the site) into this file; a new
// deploy therefore installs a new cache and deletes the old ones.
//
// One file that cannot be fetched (a 404, a network error) costs only itself:
// the others are cached, the missing one is named in the worker's console and
// fetched from the network when asked for (and cached then, if it is back).
// Only if the page itself (index.html) cannot be cached does the install fail,
// leaving no cache behind and the previous version, if any, in charge.
const VERSION = 'dev';
const FILES = [];
const CACHE = `weightlab-${VERSION}`;
const ESSENTIAL = new Set(['./', 'index.html']);   // the page itself
const PRECACHED = new Set(FILES.map((f) => new URL(f, self.location.href).href));

async function precache() {
  const cache = await caches.open(CACHE);
  const results = await Promise.all(FILES.map(async (file) => {
    try {
      const response = await fetch(new Request(file, { cache: 'reload' }));
      if (!response.ok) return { file, why: `HTTP ${response.status}` };
      await cache.put(file, response);
      return null;
    } catch (error) {
      return { file, why: error.message };
    }
  }));
  const failed = results.filter(Boolean);
  const list = failed.map((f) => `${f.file} (${f.why})`).join(', ');
  if (failed.some((f) => ESSENTIAL.has(f.file))) {
    await caches.delete(CACHE);
    throw new Error(`weightlab ${VERSION}: no offline copy, the page itself could not be fetched: ${list}`);
  }
  if (failed.length) {
    console.warn(`weightlab ${VERSION}: offline copy without ${failed.length} of ${FILES.length} files: ${list}`);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await precache();
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    const response = await fetch(request);
    // A site file the install could not cache, back now: keep it for offline.
    url.search = '';
    if (response.ok && PRECACHED.has(url.href)) await cache.put(url.href, response.clone());
    return response;
  })());
});
