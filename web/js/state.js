// The one state module: every setting of every view lives here, mirrored to
// the URL's query string so any view can be reloaded or shared as a link.
// Values are strings in the URL; views parse what they read.

const listeners = new Set();
let values = Object.fromEntries(new URLSearchParams(location.search));

function writeUrl(push) {
  const query = new URLSearchParams(values).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history[push ? 'pushState' : 'replaceState'](null, '', url);
  }
}

function notify(changed) {
  for (const fn of listeners) fn(values, changed);
}

export const state = {
  get(key, fallback = undefined) {
    return key in values ? values[key] : fallback;
  },
  number(key, fallback) {
    const v = Number(values[key]);
    return key in values && Number.isFinite(v) ? v : fallback;
  },
  all() {
    return { ...values };
  },
  // Merge `patch` (null or undefined deletes a key). `push` makes a history entry.
  set(patch, { push = false } = {}) {
    const changed = [];
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === undefined) {
        if (key in values) { delete values[key]; changed.push(key); }
      } else if (values[key] !== String(value)) {
        values[key] = String(value);
        changed.push(key);
      }
    }
    if (changed.length) {
      writeUrl(push);
      notify(changed);
    }
  },
  // Replace everything but the keys in `keep` (used when switching section).
  reset(next, { push = true } = {}) {
    values = Object.fromEntries(Object.entries(next).map(([k, v]) => [k, String(v)]));
    writeUrl(push);
    notify(Object.keys(values));
  },
  subscribe(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
};

addEventListener('popstate', () => {
  values = Object.fromEntries(new URLSearchParams(location.search));
  notify(Object.keys(values));
});
