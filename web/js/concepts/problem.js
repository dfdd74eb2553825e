// The chapter's multi-input example as the concept views use it: the engine's
// problem with one input changed, a run of it, the input names.
export const EXAMPLE = 'multi-input';

// The engine's worked example as a plain, editable problem.
export function baseProblem(engine, id = EXAMPLE) {
  const p = engine.example(id);
  return { ...p, input: Array.from(p.input), target: Array.from(p.target), weights: Array.from(p.weights), frozen: Array.from(p.frozen) };
}

export function inputNames(engine, id = EXAMPLE) {
  return Array.from(engine.examples().find((e) => e.id === id).inputNames);
}

export const withInput = (p, i, v) => ({ ...p, input: p.input.map((x, j) => (j === i ? v : x)) });

// The book's data for the season's four games, from which the chapter's
// first game comes: each input's largest value is its scale.
export const SEASON = { toes: [8.5, 9.5, 9.9, 9.0], wlrec: [0.65, 0.8, 0.8, 0.9], nfans: [1.2, 1.3, 0.5, 1.0] };
export const SCALES = [9.9, 0.9, 1.3];
