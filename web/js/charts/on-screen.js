// Mid-drag, a chart that is off screen is not redrawn: it keeps the last
// frame's arguments and draws them when it comes into view (or at the next
// update that is not mid-drag, such as the one the end of every drag makes).
// `chart` is anything with update(args) and destroy(); `args.steady` says
// whether an update is a drag frame.
export function onScreen(container, chart) {
  let seen = true;       // until the observer's first report
  let waiting = null;    // the arguments of a skipped update
  const observer = container && typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      seen = entries[entries.length - 1].isIntersecting;
      if (seen && waiting) {
        const args = waiting;
        waiting = null;
        chart.update(args);
      }
    }) : null;
  observer?.observe(container);
  return {
    update(args) {
      if (args?.steady && !seen) { waiting = args; return; }
      waiting = null;
      chart.update(args);
    },
    destroy() { observer?.disconnect(); chart.destroy(); },
  };
}
