// Small DOM helpers every view and chart shares.

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function prefersReducedMotion() {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

// A writer that calls write(value) only when `value` differs from the last
// one written under `key`: a drag frame writes the page as little as it can
// (any write, even of the same text, makes the browser resolve the page's
// style again before the next canvas draws its text).
//   const put = changeWriter();  put('title', text, (v) => { el.textContent = v; });
export function changeWriter() {
  const said = new Map();
  return (key, value, write) => {
    if (said.get(key) !== value) { said.set(key, value); write(value); }
  };
}

// Sets an element's innerHTML only when the text changed (keeps focus and
// selection inside it, and saves the parse, on every re-render).
export function htmlSetter() {
  const put = changeWriter();
  return (el, html) => put(el, html, (v) => { el.innerHTML = v; });
}
