// Small DOM helpers every view and chart shares.

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function prefersReducedMotion() {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

// Sets an element's innerHTML only when the text changed (keeps focus and
// selection inside it, and saves the parse, on every re-render).
export function htmlSetter() {
  const shown = new Map();
  return (el, html) => {
    if (shown.get(el) !== html) { el.innerHTML = html; shown.set(el, html); }
  };
}
