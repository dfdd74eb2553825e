// The site's one third-party script, Chart.js: a classic script (index.html)
// that runs before the page's modules. If it is missing, each chart that needs
// it says so in words where it would be, and the rest of its view still works.
export const CHART_FILE = 'vendor/chart.umd.js';
export const CHARTS_MISSING = `Charts could not load (${CHART_FILE} is missing)`;

export function chartsMissing() {
  return typeof window.Chart !== 'function';
}

// A paragraph that stands where the charts would be.
export function missingNote(text) {
  const p = document.createElement('p');
  p.className = 'missing';
  p.setAttribute('role', 'note');
  p.textContent = text;
  return p;
}
