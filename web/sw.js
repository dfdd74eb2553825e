// The service worker: the site works offline, and a first visit stays light.
// The build (scripts/make-sw.mjs) writes in VERSION (a hash of the site's
// files), FILES (what the first view and the navigation need) and SITE (every
// file of the site, with a hash of its bytes).
//
// - Install precaches FILES only. The page registers this worker once its
//   first view is up, and the precache revalidates (cache: 'no-cache'), so
//   what the page has just fetched comes from the browser's HTTP cache (a 304)
//   instead of over the network a second time.
// - Any other file of SITE is cached the first time it is fetched (a section
//   opened, a data set loaded): once each section has been opened, the whole
//   site works offline. The page's "available offline" control
//   (js/common/offline.js) fetches every file at once, on purpose.
// - A new deploy installs a new cache (weightlab-VERSION) and deletes the old
//   ones, copying over first every cached file whose bytes did not change.
//
// One file that cannot be fetched (a 404, a network error) costs only itself:
// the others are cached, the missing one is named in the worker's console and
// fetched from the network when asked for (and cached then, if it is back).
// Only if the page itself (index.html) cannot be cached does the install fail,
// leaving no cache behind and the previous version, if any, in charge.
const VERSION = 'dev';
const FILES = [];
const SITE = {};
const CACHE = `weightlab-${VERSION}`;
const HASHES = 'weightlab-hashes';             // in each cache: the SITE it was made for
const ESSENTIAL = new Set(['./', 'index.html']);   // the page itself
const href = (f) => new URL(f, self.location.href).href;
const HASH_OF = new Map(Object.entries(SITE).map(([f, h]) => [href(f), h]));

// Files of an older cache whose bytes this deploy did not change.
async function carryOver(cache) {
  for (const key of await caches.keys()) {
    if (key === CACHE || !key.startsWith('weightlab-')) continue;
    const old = await caches.open(key);
    const stamp = await old.match(HASHES);
    if (!stamp) continue;
    const before = new Map(Object.entries(await stamp.json()).map(([f, h]) => [href(f), h]));
    for (const request of await old.keys()) {
      const h = HASH_OF.get(request.url);
      if (h && before.get(request.url) === h && !(await cache.match(request))) {
        await cache.put(request, await old.match(request));
      }
    }
  }
}

async function precache() {
  const cache = await caches.open(CACHE);
  await cache.put(HASHES, new Response(JSON.stringify(SITE), { headers: { 'Content-Type': 'application/json' } }));
  await carryOver(cache).catch((error) => console.warn(`weightlab ${VERSION}: old cache not carried over: ${error.message}`));
  const results = await Promise.all(FILES.map(async (file) => {
    try {
      if (await cache.match(file)) return null;
      const response = await fetch(new Request(file, { cache: 'no-cache' }));
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
    // A file of the site, fetched for the first time: keep it for offline.
    url.search = '';
    if (response.ok && HASH_OF.has(url.href) && response.status === 200) await cache.put(url.href, response.clone());
    return response;
  })());
});
