// Wires the page: loads the engine, builds the navigation, mounts the view of
// the current section and swaps it when the state's section changes.
import { loadEngine } from './engine.js';
import { state } from './state.js';
import { SECTIONS, DEFAULT_SECTION } from './sections.js';
import { showError } from './status.js';

const root = document.getElementById('view');
const nav = document.getElementById('nav');
// The section asked for last, and how to take down the view that is mounted.
// A section's module loads asynchronously: if the user moves on meanwhile
// (a click, then Back), only the latest request may mount.
let current = { id: null, unmount: () => {} };

function sectionId() {
  const id = state.get('s', DEFAULT_SECTION);
  return SECTIONS.some((s) => s.id === id) ? id : DEFAULT_SECTION;
}

function renderNav(active) {
  nav.innerHTML = SECTIONS.map((s, i) =>
    `<a href="?s=${s.id}" data-section="${s.id}" title="${s.title}"${s.id === active ? ' aria-current="page"' : ''}>` +
    `<span class="num">${i + 1}</span> ${s.short ?? s.title}</a>`).join('');
  nav.querySelector('[aria-current]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

async function show(engine) {
  const id = sectionId();
  if (id === current.id) return;
  current.unmount();
  current = { id, unmount: () => {} };
  const section = SECTIONS.find((s) => s.id === id);
  renderNav(id);
  root.replaceChildren();
  const view = await import(`./views/${section.view}.js`);
  if (current.id !== id) return;  // superseded while the module loaded
  current.unmount = view.mount(root, { engine, state, section }) || (() => {});
  document.title = `${section.title} · weightlab`;
}

nav.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-section]');
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  state.reset({ s: link.dataset.section });
  root.focus({ preventScroll: true });
});

// Offline after the first visit (web/sw.js). Registration failing (e.g. a
// file:// URL) only loses the offline copy, never the page.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').catch(() => {});
}

window.weightlab = (async () => {
  try {
    // Fetch the first view's modules while the engine loads, not after it
    // (show() imports the same module again, at no cost; its errors surface there).
    import(`./views/${SECTIONS.find((s) => s.id === sectionId()).view}.js`).catch(() => {});
    const engine = await loadEngine();
    await show(engine);
    state.subscribe(() => show(engine).catch(showError));
    return engine;
  } catch (error) {
    showError(error);
    throw error;
  }
})();
