// The order of a list of scores, highest first (the first on ties, as the
// core's argmax). Only for the lists the engine returns unranked: the CNN's
// probabilities and the linear network's scores of one training digit; the
// drawing's linear reading comes ranked from the engine (linearTop, linearRunnerUp).
export function rank(values) {
  return [...values.keys()].sort((a, b) => values[b] - values[a] || a - b);
}
