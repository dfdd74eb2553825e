// A lesson's problem (inputs, targets, weights, frozen, alpha, iterations) as
// it lives in the URL: one key per field, with an optional prefix when a page
// shows two problems (side-by-side). Only values that differ from the book's
// are written, so the book's own view has a short URL.
import { listText } from '../common/format.js';

const FIELDS = [
  // field, URL key, is it a list?
  ['input', 'x', true],
  ['target', 't', true],
  ['weights', 'w', true],
  ['frozen', 'fz', true],
  ['alpha', 'alpha', false],
  ['iterations', 'n', false],
];
// What a list counts, for the messages: one, many, and what the book gives instead.
const COUNTS = {
  input: ['input', 'inputs'], target: ['target', 'targets'], weights: ['weight', 'weights'],
  frozen: ['weight', 'weights', 'freeze setting', 'freeze settings'],
};

// The page steps through at most this many iterations: every step redraws the
// whole path on the charts, and a step must stay quicker than a frame.
export const MAX_ITERATIONS = 1000;
const MIN_NORMAL = 2 ** -1022;   // smaller non-zero doubles are denormal: no precision left

// Why the page will not run `problem` (the engine may), in words, or ''.
export function pageLimit({ alpha, iterations }) {
  if (alpha !== 0 && Math.abs(alpha) < MIN_NORMAL) {
    return `alpha ${alpha} is too small to compute with (a denormal number, below 2.2e-308)`;
  }
  if (iterations > MAX_ITERATIONS) {
    return `iterations: this page steps through at most ${MAX_ITERATIONS}, so that each step stays quick (asked for ${iterations})`;
  }
  return '';
}

function plain(problem) {
  return {
    input: Array.from(problem.input), target: Array.from(problem.target),
    weights: Array.from(problem.weights), frozen: Array.from(problem.frozen, Number),
    alpha: problem.alpha, iterations: problem.iterations,
  };
}

function parseNumber(text) {
  return text.trim() === '' ? NaN : Number(text);
}

// The problem the URL describes, the book's values where the URL says nothing.
// A list of the wrong length (the diagram's shape is the book's), a denormal
// alpha or more iterations than the page steps through fall back to the book's
// value (to MAX_ITERATIONS), and report(sentence) says so; `where` names the
// network in those sentences.
export function readProblem(state, prefix, book, { report = () => {}, where = 'this lesson' } = {}) {
  const out = plain(book);
  for (const [field, key, isList] of FIELDS) {
    const text = state.get(prefix + key);
    if (text === undefined) continue;
    if (isList) {
      const values = text.split(',').map(parseNumber);
      const n = out[field].length;
      if (values.length === n) {
        out[field] = values;
      } else {
        const [one, many, bookOne = one, bookMany = many] = COUNTS[field];
        report(`${prefix + key} has ${values.length} value${values.length === 1 ? '' : 's'}; ` +
          `${where} has ${n} ${n === 1 ? one : many}, so the book's ${n === 1 ? `${bookOne} is` : `${bookMany} are`} used.`);
      }
    } else {
      out[field] = parseNumber(text);
    }
  }
  if (out.alpha !== 0 && Math.abs(out.alpha) < MIN_NORMAL) {
    report(`${prefix}alpha=${state.get(prefix + 'alpha')} is too small to compute with (a denormal number, below 2.2e-308), ` +
      `so the book's alpha ${book.alpha} is used.`);
    out.alpha = book.alpha;
  }
  if (out.iterations > MAX_ITERATIONS) {
    report(`${prefix}n=${state.get(prefix + 'n')} asks for more iterations than this page steps through ` +
      `(at most ${MAX_ITERATIONS}, so that each step stays quick), so ${MAX_ITERATIONS} are run.`);
    out.iterations = MAX_ITERATIONS;
  }
  return out;
}

function same(a, b) {
  return Array.isArray(a) ? a.length === b.length && a.every((v, i) => Object.is(v, b[i])) : Object.is(a, b);
}

// The state patch that stores `problem` (null for fields equal to the book's).
export function problemPatch(prefix, problem, book) {
  const ref = plain(book);
  const patch = {};
  for (const [field, key, isList] of FIELDS) {
    const value = isList ? Array.from(problem[field], Number) : problem[field];
    patch[prefix + key] = same(value, ref[field]) ? null : (isList ? listText(value) : String(value));
  }
  return patch;
}

export function isBookProblem(problem, book) {
  const ref = plain(book);
  return FIELDS.every(([field]) => same(field === 'frozen' ? Array.from(problem.frozen, Number) : problem[field], ref[field]));
}
