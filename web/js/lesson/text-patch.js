// Writes a block of the page from its HTML the way a drag frame can afford:
// the markup is parsed and built once, and while the tags and attributes stay
// the same (a drag changes only numbers) each later write sets just the text
// nodes whose text changed (no parse, no nodes removed and inserted, so the
// browser lays out only what moved). What the block shows is exactly what
// innerHTML would show; a change of markup, or text this cannot decode, is
// written with innerHTML.
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

// The text an HTML text segment stands for; null when it holds an entity not known here.
export function decodeText(s) {
  if (!s.includes('&')) return s;
  let unknown = false;
  const out = s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    } else if (Object.hasOwn(NAMED, e)) {
      return NAMED[e];
    }
    unknown = true;
    return m;
  });
  return unknown ? null : out;
}

// The markup of `html` without its text, and whether each text is empty:
// equal shapes give the same elements with one text node per non-empty text.
function split(html) {
  const parts = html.split(/(<[^>]*>)/);
  let shape = '';
  for (let i = 0; i < parts.length; i += 1) shape += i % 2 ? parts[i] : parts[i] ? '\u0001' : '';
  return { parts, shape };
}

export function htmlPatcher() {
  const memo = new WeakMap();   // element -> { html, parts, shape, nodes (null: not patchable) }
  function build(el, html, parts, shape) {
    el.innerHTML = html;
    const nodes = [];
    const walk = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) nodes.push(t);
    const texts = parts.filter((p, i) => i % 2 === 0 && p);
    const same = nodes.length === texts.length && nodes.every((t, k) => t.data === decodeText(texts[k]));
    memo.set(el, { html, parts, shape, nodes: same ? nodes : null });
  }
  const write = (el, html) => {
    const m = memo.get(el);
    if (m && m.html === html) return;
    const { parts, shape } = split(html);
    if (!m || !m.nodes || m.shape !== shape) { build(el, html, parts, shape); return; }
    const writes = [];
    for (let i = 0, n = 0; i < parts.length; i += 2) {
      if (!parts[i]) continue;
      if (parts[i] !== m.parts[i]) {
        const text = decodeText(parts[i]);
        if (text === null || !m.nodes[n].isConnected) { build(el, html, parts, shape); return; }
        writes.push(m.nodes[n], text);
      }
      n += 1;
    }
    for (let k = 0; k < writes.length; k += 2) writes[k].data = writes[k + 1];
    m.html = html; m.parts = parts;
  };
  // Something else rewrote el (a guess field, say): its next write builds it afresh.
  write.forget = (el) => memo.delete(el);
  return write;
}
