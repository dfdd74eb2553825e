// Measuring the page's first load, for tests/browser/page-budget.test.mjs
// (which owns the byte budget) and for scripts/bench's bench/page-load.mjs
// (which imports this, never the reverse):
//   recordResponses  the sum of the response bodies as served (gzip where the
//                    server has a .gz, see scripts/site.d/zz-gzip.sh) of every
//                    request until the network has been quiet for QUIET_MS; the
//                    service worker's background precache is counted apart (it
//                    is not what the first view needs);
//   timeToInteractive  navigation start -> `await window.weightlab` resolved
//                    and the lesson's controls exist.

export const PAGE_BUDGET_BYTES = 300_000;
// The first visit (issue 16): everything the host sends in the first
// FIRST_VISIT_MS on the first lesson, the service worker's precache included,
// from a host that serves the build's .gz files and from one that compresses nothing.
export const FIRST_VISIT_MS = 8000;
export const FIRST_VISIT_GZIP_BYTES = 400_000;
export const FIRST_VISIT_PLAIN_BYTES = 700_000;
export const CONTROLS = '#view button, #view input';
const QUIET_MS = 500;

// Records every response of `target` (a page or a context) from now on.
// summary() -> { bytes, requests: [{path, bytes, encoding}], precache: {bytes, count} }
export function recordResponses(target, origin) {
  const pending = [];
  let closed = false;  // responses still arriving when the context closes are dropped
  const count = (response) => !closed && pending.push((async () => {
    const request = response.request();
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
    const url = new URL(response.url());
    return {
      path: url.origin === origin ? url.pathname + url.search : url.href,
      bytes: sizes.responseBodySize,
      encoding: (await response.allHeaders())['content-encoding'] || '',
      fromServiceWorker: response.fromServiceWorker(),
      byServiceWorker: Boolean(request.serviceWorker?.()),
    };
  })().catch(() => null));
  target.on('response', count);
  let last = Date.now();
  target.on('request', () => { last = Date.now(); });
  return {
    async quiet(ms = QUIET_MS) {
      while (Date.now() - last < ms) await new Promise((ok) => setTimeout(ok, 50));
    },
    async summary() {
      closed = true;
      const all = (await Promise.all(pending)).filter(Boolean);
      const requests = all.filter((r) => !r.byServiceWorker && !r.fromServiceWorker);
      const sw = all.filter((r) => r.byServiceWorker);
      return {
        bytes: requests.reduce((s, r) => s + r.bytes, 0),
        requests,
        precache: { bytes: sw.reduce((s, r) => s + r.bytes, 0), count: sw.length },
      };
    },
  };
}

// In the page: resolves with performance.now() (ms since navigation start)
// once window.weightlab has resolved and the lesson's controls exist.
export async function timeToInteractive(page, controls = CONTROLS) {
  return page.evaluate(async (selector) => {
    const tick = () => new Promise((ok) => setTimeout(ok, 2));
    while (!window.weightlab) await tick();
    await window.weightlab;
    while (!document.querySelector(selector)) await tick();
    return performance.now();
  }, controls);
}
