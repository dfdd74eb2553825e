// Text widths without making the browser lay the page out: an SVG text's
// getComputedTextLength() right after its text changed forces a layout (one
// per edge label, every drag frame). Measured instead on a canvas that is
// not in the page, in the font the stylesheet gives the text, and kept.
let ctx = null;
const widths = new Map();

export function textWidth(text, font) {
  const key = `${font}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    ctx ??= (typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas')).getContext('2d');
    ctx.font = font;
    w = ctx.measureText(text).width;
    if (widths.size > 4000) widths.clear();
    widths.set(key, w);
  }
  return w;
}

// A value read from the page's computed style, read again only after the
// window was resized or <html>'s classes changed (projector mode): reading
// it after a write would lay the page out.
let resized = 0;
if (typeof window !== 'undefined') window.addEventListener('resize', () => { resized += 1; });
export function styleReader(read) {
  let key = null; let value;
  return () => {
    const now = `${resized}|${document.documentElement.className}`;
    if (now !== key) { value = read(); key = now; }
    return value;
  };
}
