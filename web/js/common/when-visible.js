// Defers making a chart (anything with update(...) and destroy()) until its
// container nears the viewport, so a view's first screen does not wait for
// charts below the fold (nor for the code that draws them). `create` may
// return the chart or a promise of it (or of null: no chart). Until the chart
// exists update() only keeps its last arguments; the chart gets them when
// made. Without IntersectionObserver the chart is made at once.
export const NEAR = '300px';   // how close to the viewport a chart is made

export function whenVisible(container, create, { margin = NEAR, onError = (e) => { throw e; } } = {}) {
  let chart = null;
  let last = null;
  let observer = null;
  let gone = false;
  const make = () => {
    observer?.disconnect();
    observer = null;
    Promise.resolve().then(create).then((made) => {
      if (!made) return;
      if (gone) { made.destroy(); return; }
      chart = made;
      if (last) chart.update(...last);
    }).catch((error) => { if (!gone) onError(error); });
  };
  if (!container || typeof IntersectionObserver !== 'function') make();
  else {
    observer = new IntersectionObserver((entries) => {
      if (observer && entries.some((e) => e.isIntersecting)) make();
    }, { rootMargin: margin });
    observer.observe(container);
  }
  return {
    update(...args) { last = args; chart?.update(...args); },
    destroy() { gone = true; observer?.disconnect(); observer = null; chart?.destroy(); },
  };
}
