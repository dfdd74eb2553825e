// Wires the page: loads the engine, builds the navigation, mounts the view of
// the current section and swaps it when the state's section changes.
import { state } from './state.js';
import { SECTIONS, DEFAULT_SECTION, findSection } from './sections.js';
import { showError, addMessage, clearStatus } from './status.js';
import { wayOn } from './common/way-on.js';
import { applyProjector, carried } from './projector.js';

const root = document.getElementById('view');
const nav = document.getElementById('nav');
const where = document.getElementById('nav-where');
const noop = () => {};

// At most one view is mounted (`mounted`), and at most one request to mount
// is in flight (`wanted`). A section's module loads asynchronously; every
// request gets its own token, and only the latest may mount, after the
// previous view is unmounted: A, B, A clicked in one task mounts A once.
let mounted = null;   // { id, unmount }
let wanted = null;    // { id }: the latest request, until it mounts or fails

function sectionId() {
  const asked = state.get('s');
  return findSection(asked)?.id ?? DEFAULT_SECTION;
}

// The links (carrying projector mode), and on narrow screens, where only a
// few fit, "3 / 9" beside them and the current one scrolled into the middle.
// That needs the navigation's layout: it is read in the next animation frame,
// where the browser lays the page out anyway, never in the middle of the
// first view's mount (a forced layout of the whole page there).
let navFrame = 0;
function renderNav(active) {
  const keep = new URLSearchParams(carried()).toString();
  nav.innerHTML = SECTIONS.map((s, i) =>
    `<a href="?s=${s.id}${keep ? `&${keep}` : ''}" data-section="${s.id}" title="${s.title}"${s.id === active ? ' aria-current="page"' : ''}>` +
    `<span class="num">${i + 1}</span> ${s.short ?? s.title}</a>`).join('');
  const k = SECTIONS.findIndex((s) => s.id === active);
  if (where) where.textContent = k >= 0 ? `${k + 1} / ${SECTIONS.length}` : '';
  cancelAnimationFrame(navFrame);
  navFrame = requestAnimationFrame(fitNav);
}

function fitNav() {
  const link = nav.querySelector('[aria-current]');
  const overflows = nav.scrollWidth > nav.clientWidth;
  where?.classList.toggle('shown', overflows);
  if (link && overflows) {
    const box = nav.getBoundingClientRect(), at = link.getBoundingClientRect();
    nav.scrollLeft += at.left - box.left - (box.width - at.width) / 2;
  }
}

function unmount() {
  if (!mounted) return;
  const { unmount: fn } = mounted;
  mounted = null;
  delete root.dataset.mounted;
  try { fn(); } catch (error) { showError(error); }
}

// In the view area, in words: this section could not be shown, and why.
function showFailure(section, what, error, { others = true } = {}) {
  const box = document.createElement('div');
  box.className = 'missing view-failed';
  box.setAttribute('role', 'alert');
  const head = document.createElement('h1');
  head.textContent = section.title;
  const text = document.createElement('p');
  text.textContent = others ? `${what} The other sections still work: pick one above.` : what;
  const detail = document.createElement('p');
  detail.className = 'detail';
  detail.textContent = error instanceof Error ? error.message : String(error);
  box.append(head, text, detail);
  root.replaceChildren(box);
}

// Is this file missing from the site (a 404), or there but broken?
async function missing(url) {
  try {
    return (await fetch(url, { method: 'HEAD', cache: 'no-store' })).status === 404;
  } catch {
    return false;
  }
}

// Marks of the first load's phases (bench/page-load.mjs prints them):
// main.js running, the engine ready, the first view's module in, the view mounted.
const mark = (name) => performance.mark?.(`weightlab:${name}`);

async function show(engine) {
  const id = sectionId();
  if (id === (wanted ?? mounted)?.id) return;
  const request = { id };
  wanted = request;
  const section = findSection(id);
  unmount();
  clearStatus();
  renderNav(id);
  root.replaceChildren();
  document.title = `${section.title} · weightlab`;
  const asked = state.get('s');
  if (asked !== undefined && asked !== id) {
    addMessage(`There is no section "${asked}"; here is the first one, ${section.title}.`);
  }

  const file = `js/views/${section.view}.js`;
  let view;
  try {
    view = await import(`./views/${section.view}.js`);
  } catch (error) {
    if (wanted !== request) return;
    wanted = null;
    const entry = { id, unmount: noop };
    mounted = entry;
    const gone = await missing(file);
    if (mounted !== entry) return;   // moved on while we looked
    showFailure(section, gone
      ? `This section could not load: ${file} is missing from the site.`
      : `This section could not load: ${file}, or a file it needs, is missing or broken.`, error);
    return;
  }
  if (wanted !== request) return;  // superseded while the module loaded
  wanted = null;
  mark('view');
  try {
    mounted = { id, unmount: noop };
    mounted.unmount = view.mount(root, { engine, state, section }) || noop;
    root.append(wayOn(SECTIONS, id));
    root.dataset.mounted = id;
  } catch (error) {
    showFailure(section, 'This section could not be shown (the reason is below).', error);
  }
}

// A section link in the navigation or in a view (the way on at its foot).
function follow(event) {
  const link = event.target.closest('a[data-section]');
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  if (root.contains(link)) window.scrollTo(0, 0);
  state.reset({ s: link.dataset.section, ...carried() });
  root.focus({ preventScroll: true });
}
nav.addEventListener('click', follow);
root.addEventListener('click', follow);

// Offline after the first visit (web/sw.js), registered once the first view
// is up and drawn: its precache then finds in the HTTP cache what the page just fetched.
// Registration failing (e.g. a file:// URL) only loses the offline copy, never
// the page. Then the "available offline" control, in the footer.
function afterFirstView() {
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(noop);
  }
  import('./common/offline.js').then((m) => m.mountOffline(document.querySelector('.foot'))).catch(noop);
}

// Every section needs the engine: if it cannot load, each says why in its
// place (naming the file that is missing, if one is), and the navigation still moves.
const ENGINE_FILES = ['js/engine.js', 'wasm/weightlab.mjs', 'wasm/weightlab.wasm'];
async function engineFailed(error) {
  let gone = null;
  for (const file of ENGINE_FILES) if (!gone && await missing(file)) gone = file;
  const why = `The engine could not load${gone ? ` (${gone} is missing from the site)` : ''}, and every section needs it.`;
  const showWhy = () => {
    applyProjector();
    const section = findSection(sectionId());
    renderNav(section.id);
    document.title = `${section.title} · weightlab`;
    showFailure(section, why, error, { others: false });
  };
  state.subscribe(showWhy);
  showWhy();
}

applyProjector();
mark('main');

window.weightlab = (async () => {
  renderNav(sectionId());   // the navigation needs nothing but this module
  // Fetch the first view's modules while the engine loads, not after it
  // (show() imports the same module again, at no cost; its errors surface there).
  import(`./views/${findSection(sectionId()).view}.js`).catch(noop);
  let engine;
  try {
    const { loadEngine } = await import('./engine.js');
    engine = await loadEngine();
    mark('engine');
  } catch (error) {
    await engineFailed(error);
    throw error;
  }
  // Listen first: whatever the first view does, the navigation keeps working.
  state.subscribe(() => { applyProjector(); show(engine).catch(showError); });
  await show(engine);
  mark('mounted');
  // After the first frame, when the page is idle: the service worker's
  // precache and the offline control never compete with the first view.
  requestAnimationFrame(() => (window.requestIdleCallback ?? setTimeout)(afterFirstView));
  return engine;
})();
