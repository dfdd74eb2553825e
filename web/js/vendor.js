// The site's one third-party script, Chart.js: a classic script, loaded on
// demand (loadChartJs) when the first chart that needs it is due, not on the
// page's first screen. If it is missing, each chart that needs it says so in
// words where it would be, and the rest of its view still works.
export const CHART_FILE = 'vendor/chart.umd.js';
export const CHARTS_MISSING = `Charts could not load (${CHART_FILE} is missing)`;

export function chartsMissing() {
  return typeof window.Chart !== 'function';
}

// Resolves once Chart.js has loaded or failed to (then chartsMissing() says so).
let loading = null;
export function loadChartJs() {
  if (!chartsMissing()) return Promise.resolve();
  loading ??= new Promise((done) => {
    const script = document.createElement('script');
    script.src = CHART_FILE;
    script.onload = done;
    script.onerror = () => { script.remove(); loading = null; done(); };   // a later chart may try again
    document.head.append(script);
  });
  return loading;
}

// A paragraph that stands where the charts would be.
export function missingNote(text) {
  const p = document.createElement('p');
  p.className = 'missing';
  p.setAttribute('role', 'note');
  p.textContent = text;
  return p;
}
