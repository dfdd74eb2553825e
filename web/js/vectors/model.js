// The toy vectors of "Dot products from scratch": the chapter's five, their
// names, and reading/writing them through the state (keys va..ve, x, y).
import { listText } from '../common/format.js';

export const NAMES = ['a', 'b', 'c', 'd', 'e'];
export const BOOK = { a: [0, 1, 0, 1], b: [1, 0, 1, 0], c: [0, 1, 1, 0], d: [0.5, 0, 0.5, 0], e: [0, 1, -1, 0] };
export const LIMIT = 100;  // an entry may be any number in [-100, 100]

const key = (name) => `v${name}`;

// The four entries of vector `name`: the state's if they are four numbers within the limit, else the book's.
export function readVector(state, name) {
  const text = state.get(key(name));
  if (text === undefined) return BOOK[name];
  const values = String(text).split(',').map(Number);
  const ok = values.length === 4 && values.every((v) => Number.isFinite(v) && Math.abs(v) <= LIMIT);
  return ok ? values : BOOK[name];
}

export const readAll = (state) => Object.fromEntries(NAMES.map((n) => [n, readVector(state, n)]));

export function writeVector(state, name, values) {
  const same = listText(values) === listText(BOOK[name]);
  state.set({ [key(name)]: same ? null : listText(values) });
}

// The chosen pair: state keys x and y (vector names); the book's first pair by default.
export function readPair(state) {
  const pick = (k, fallback) => (NAMES.includes(state.get(k)) ? state.get(k) : fallback);
  return [pick('x', 'a'), pick('y', 'b')];
}
