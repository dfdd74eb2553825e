// "Available offline": the first visit caches only what the first lesson
// needs (web/sw.js); each section is cached when first opened. This control
// takes the whole site offline on purpose: it says the size first (from the
// build's files.json), then fetches every file not yet cached into the
// service worker's cache, with a progress bar.
const MB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

async function cachedUrls(name) {
  if (!(await caches.has(name))) return new Set();
  return new Set((await (await caches.open(name)).keys()).map((r) => r.url));
}

// Fetches `url` into `cache`, calling onBytes(n) as its bytes arrive.
async function fetchInto(cache, url, onBytes) {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${new URL(url).pathname.slice(1)}: the server answered ${response.status}`);
  const reader = response.body.getReader();
  const chunks = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.length);
  }
  const type = response.headers.get('Content-Type');
  await cache.put(url, new Response(new Blob(chunks), { headers: type ? { 'Content-Type': type } : {} }));
}

// What the page fetched before the service worker took charge (the first
// view, a section opened at once) is fetched again through it, so that it is
// kept too: from the HTTP cache, the server answering 304.
async function keepWhatWasLoaded(manifest, name) {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
  }
  const loaded = new Set(performance.getEntriesByType('resource').map((e) => e.name.split(/[?#]/)[0]));
  const have = await cachedUrls(name);
  for (const { path } of manifest.files) {
    const url = new URL(path, location.href).href;
    if (loaded.has(url) && !have.has(url)) await fetch(url, { cache: 'no-cache' }).then((r) => r.arrayBuffer()).catch(() => {});
  }
}

export async function mountOffline(parent) {
  if (!('serviceWorker' in navigator) || !('caches' in window) || location.protocol === 'file:') return;
  let manifest;
  try {
    const response = await fetch('files.json', { cache: 'no-cache' });
    if (!response.ok) return;
    manifest = await response.json();
  } catch {
    return;   // offline, or no manifest: nothing to offer
  }
  const name = `weightlab-${manifest.version}`;
  let busy = false;   // downloading: the text is the progress's
  const total = manifest.files.reduce((s, f) => s + f.bytes, 0);
  const urlOf = (path) => new URL(path, location.href).href;

  const box = document.createElement('div');
  box.className = 'offline';
  box.innerHTML = '<p class="offline-text"></p> <button type="button" class="offline-go">Make available offline</button>' +
    '<progress class="offline-bar" max="1" value="0" aria-label="Downloading the site for offline use" hidden></progress>';
  const [text, button, bar] = box.children;
  parent.append(box);

  const missing = async () => {
    const have = await cachedUrls(name);
    return manifest.files.filter((f) => !have.has(urlOf(f.path)));
  };
  async function describe() {
    const left = await missing();
    if (busy) return left;
    const bytes = left.reduce((s, f) => s + f.bytes, 0);
    button.hidden = left.length === 0;
    text.textContent = left.length === 0
      ? `The whole site (${MB(total)}) is available offline on this device.`
      : `The whole site is ${MB(total)} (less from a host that compresses); ${MB(bytes)} of it is not on this device yet: each section is kept once opened, or take it all now.`;
    return left;
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    busy = true;
    const left = await missing();
    const bytes = left.reduce((s, f) => s + f.bytes, 0);
    let done = 0;
    bar.hidden = false;
    bar.max = bytes;
    bar.value = 0;
    text.textContent = `Downloading ${MB(bytes)} for offline use…`;
    const cache = await caches.open(name);
    const failed = [];
    for (const f of left) {   // one at a time: the bar moves steadily, the network stays free for the page
      const before = done;
      try {
        await fetchInto(cache, urlOf(f.path), (n) => { done += n; bar.value = Math.min(done, bytes); });
      } catch (error) {
        failed.push(error.message);
      }
      done = before + f.bytes;
      bar.value = Math.min(done, bytes);
    }
    bar.hidden = true;
    button.disabled = false;
    busy = false;
    await describe();
    if (failed.length) text.textContent += ` Not downloaded: ${failed.join('; ')}.`;
  });

  await describe();
  await keepWhatWasLoaded(manifest, name).catch(() => {});
  await describe();   // now with what the worker has kept
}
