// Fetching the site's binary files (data/*.wld, models/*.wlm) as bytes. The
// bytes of each URL are fetched once per page load and shared by every view
// (the engine objects made from them are each view's own, deleted on unmount).
const cache = new Map();  // url -> Promise<Uint8Array>

export function fetchBytes(url) {
  if (!cache.has(url)) {
    const p = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`Could not load ${url}: the server answered ${response.status} ${response.statusText}`.trim());
      return new Uint8Array(await response.arrayBuffer());
    });
    p.catch(() => cache.delete(url));  // a failed fetch may be retried
    cache.set(url, p);
  }
  return cache.get(url);
}

export const TRAIN_URL = 'data/mnist-train-1000.wld';
export const TEST_URL = 'data/mnist-test.wld';
export const LINEAR_MODEL_URL = 'models/chapter-linear.wlm';
export const CNN_MODEL_URL = 'models/digits-cnn.wlm';
