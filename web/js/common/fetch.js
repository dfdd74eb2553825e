// Fetching the site's binary files (data/*.wld.gz, models/*.wlm) as bytes. The
// bytes of each URL are fetched once per page load and shared by every view
// (the engine objects made from them are each view's own, deleted on unmount).
//
// The data sets are stored gzip-compressed (scripts/site.d/data.sh), so that
// a host that compresses nothing sends them small too; they are served as
// plain binary files and inflated here by the platform's DecompressionStream.
// A host that sends them with Content-Encoding: gzip has the browser inflate
// them already: the bytes are only inflated if they start as gzip does.
const cache = new Map();  // url -> Promise<Uint8Array>

const isGzip = (b) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

export async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function fetchBytes(url) {
  if (!cache.has(url)) {
    const p = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`Could not load ${url}: the server answered ${response.status} ${response.statusText}`.trim());
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (!isGzip(bytes)) return bytes;
      try {
        return await gunzip(bytes);
      } catch (error) {
        throw new Error(`${url}: data file: truncated or damaged, it does not decompress (${error.message})`);
      }
    });
    p.catch(() => cache.delete(url));  // a failed fetch may be retried
    cache.set(url, p);
  }
  return cache.get(url);
}

export const TRAIN_URL = 'data/mnist-train-1000.wld.gz';
export const TEST_URL = 'data/mnist-test-2000.wld.gz';   // every fifth test digit (wasm/tools/make_site_data.cpp)
export const LINEAR_MODEL_URL = 'models/chapter-linear.wlm';
export const CNN_MODEL_URL = 'models/digits-cnn.wlm';
