// The learner's own digits: each an example the chapter's network was taught
// with, {image: Float32Array[784] (the 28x28 the networks saw), label, alpha}.
// They stay in this browser, in IndexedDB (idb-keyval, copied to vendor/ by
// the build), and in files the learner downloads and loads back. Nothing here
// talks to a server.
//
// The file: JSON, {format: "weightlab-digits", version: 1, examples: [{label,
// alpha, image: [784 numbers]}]}; a Float32 value written as a JSON number
// reads back as the same Float32, so a file round-trips exactly.
import { PIXELS } from '../common/paint.js';

export const FORMAT = 'weightlab-digits';
export const MAX_EXAMPLES = 1000;   // the engine's per-call limit (kMaxTaughtExamples)
const KEY = 'examples';

// The store, opened once: the promise is cached (two callers share one open);
// a failed open is forgotten so the next call tries again.
let db = null;
function idb() {
  if (!db) {
    db = import('../../vendor/idb-keyval.js').then((lib) => {
      const store = lib.createStore('weightlab-draw', 'digits');
      return {
        get: () => lib.get(KEY, store),
        set: (v) => lib.set(KEY, v, store),
        del: () => lib.del(KEY, store),
      };
    });
    db.catch(() => { db = null; });
  }
  return db;
}

// The stored examples: {examples, skipped}. Entries that are not a valid
// example are skipped one by one (skipped names them) rather than losing the
// whole list. Throws when IndexedDB cannot be read at all (unavailable,
// blocked): then the caller must not save over what it could not read.
export async function loadExamples() {
  const list = await (await idb()).get();
  const examples = [];
  const skipped = [];
  if (Array.isArray(list)) {
    list.forEach((e, k) => {
      try { examples.push(check(e, k)); } catch (error) { skipped.push(error.message); }
    });
  }
  return { examples, skipped };
}

export async function saveExamples(list) {
  await (await idb()).set(list.map((e) => ({ image: Float32Array.from(e.image), label: e.label, alpha: e.alpha })));
}

export async function clearExamples() {
  await (await idb()).del();
}

// One example, its shape checked (the engine checks the values when it uses them).
function check(e, k = 0) {
  const where = `example ${k + 1}`;
  if (!e || typeof e !== 'object') throw new Error(`${where} is not an object`);
  if (!Number.isInteger(e.label) || e.label < 0 || e.label > 9) throw new Error(`${where}: label must be a digit 0..9`);
  if (typeof e.alpha !== 'number' || !Number.isFinite(e.alpha)) throw new Error(`${where}: alpha must be a number`);
  if (!e.image || e.image.length !== PIXELS) throw new Error(`${where}: image must have ${PIXELS} values`);
  const image = Float32Array.from(e.image, Number);
  return { image, label: e.label, alpha: e.alpha };
}

// The flat arrays the engine takes: images n x 784, labels, alphas.
export function flatten(list, alpha) {
  const images = new Float32Array(list.length * PIXELS);
  list.forEach((e, k) => images.set(e.image, k * PIXELS));
  return {
    images,
    labels: list.map((e) => e.label),
    alphas: list.map((e) => (alpha === undefined ? e.alpha : alpha)),
  };
}

export function toFileText(list) {
  return JSON.stringify({
    format: FORMAT,
    version: 1,
    note: 'Digits drawn in weightlab and the labels they were taught with: image = the 28x28 the networks saw (row by row, 0 = paper, 1 = ink).',
    examples: list.map((e) => ({ label: e.label, alpha: e.alpha, image: Array.from(e.image) })),
  });
}

// Throws an Error naming what is wrong with the file.
export function fromFileText(text) {
  let data;
  try { data = JSON.parse(text); } catch { throw new Error('the file is not JSON'); }
  if (!data || data.format !== FORMAT) throw new Error(`the file is not a "${FORMAT}" file`);
  if (data.version !== 1) throw new Error(`version ${data.version} is not one this page reads`);
  if (!Array.isArray(data.examples)) throw new Error('the file has no examples');
  if (data.examples.length > MAX_EXAMPLES) throw new Error(`the file has ${data.examples.length} examples, more than ${MAX_EXAMPLES}`);
  return data.examples.map(check);
}
