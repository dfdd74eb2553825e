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
// Lists of the wrong length are ignored (the diagram's shape is the book's).
export function readProblem(state, prefix, book) {
  const out = plain(book);
  for (const [field, key, isList] of FIELDS) {
    const text = state.get(prefix + key);
    if (text === undefined) continue;
    if (isList) {
      const values = text.split(',').map(parseNumber);
      if (values.length === out[field].length) out[field] = values;
    } else {
      out[field] = parseNumber(text);
    }
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
