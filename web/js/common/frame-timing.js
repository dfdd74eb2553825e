// How long each animation frame's own work takes, kept for the tests and the
// benchmarks to read (import this module in the page: `frameWork`), so that
// view code carries no measuring of its own. `timed(work)` wraps a frame
// callback; a frame whose work returns false did nothing and is not counted.
export const frameWork = [];  // ms per frame, the first 2,000 frames of the page
const LIMIT = 2000;

export function timed(work) {
  return (...args) => {
    const t0 = performance.now();
    if (work(...args) === false) return;
    if (frameWork.length < LIMIT) frameWork.push(performance.now() - t0);
  };
}
