// The one state module: every setting of every view lives here, mirrored to
// the URL's query string so any view can be reloaded or shared as a link.
// Values are strings in the URL; views parse what they read.
//
// The URL is anyone's to write, so its keys are data, never property names:
// the values live in a Map (no prototype to reach: `?constructor=1` is just a
// key), and a URL value picks from a table only through choice(), which looks
// at the table's own keys (`?sp=toString` is an unknown speed, not a function).

const listeners = new Set();
let values = new Map(new URLSearchParams(location.search));

function writeUrl(push) {
  const query = new URLSearchParams([...values]).toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history[push ? 'pushState' : 'replaceState'](null, '', url);
  }
}

// A copy for listeners and callers: a plain record without a prototype.
function snapshot() {
  return Object.assign(Object.create(null), Object.fromEntries(values));
}

function notify(changed) {
  const view = snapshot();
  for (const fn of [...listeners]) {
    if (listeners.has(fn)) fn(view, changed);  // one may unsubscribe another
  }
}

export const state = {
  get(key, fallback = undefined) {
    return values.has(key) ? values.get(key) : fallback;
  },
  number(key, fallback) {
    const v = Number(values.get(key));
    return values.has(key) && Number.isFinite(v) ? v : fallback;
  },
  // The value of `key` if it names one of `table`'s own keys, else `fallback`.
  choice(key, table, fallback) {
    const v = values.get(key);
    return v !== undefined && Object.hasOwn(table, v) ? v : fallback;
  },
  all() {
    return snapshot();
  },
  // Merge `patch` (null or undefined deletes a key). `push` makes a history entry.
  set(patch, { push = false } = {}) {
    const changed = [];
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === undefined) {
        if (values.delete(key)) changed.push(key);
      } else if (values.get(key) !== String(value)) {
        values.set(key, String(value));
        changed.push(key);
      }
    }
    if (changed.length) {
      writeUrl(push);
      notify(changed);
    }
  },
  // Replace every value by `next` (used when switching section).
  reset(next, { push = true } = {}) {
    values = new Map(Object.entries(next).map(([k, v]) => [k, String(v)]));
    writeUrl(push);
    notify([...values.keys()]);
  },
  subscribe(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  // How many listeners are subscribed: one for the page and one per mounted
  // view. A diagnostic for the tests (a view mounted twice shows here).
  subscribers() {
    return listeners.size;
  },
};

addEventListener('popstate', () => {
  values = new Map(new URLSearchParams(location.search));
  notify([...values.keys()]);
});
