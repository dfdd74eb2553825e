// The step in three phases, the book's PREDICT, COMPARE and LEARN; LEARN is
// shown in two beats: the weight_deltas first, then the new weights.
export const PHASES = ['predict', 'compare', 'learn', 'update'];

export const PHASE_LABELS = {
  predict: 'Predict', compare: 'Compare', learn: 'Learn: weight_deltas', update: 'Learn: new weights',
};

export function phaseIndex(phase) {
  const i = PHASES.indexOf(phase);
  return i < 0 ? 0 : i;
}

// Slices of one iteration of a trace (views on the trace's Float64Arrays).
export function iterationValues(trace, it) {
  const { nIn, nOut } = trace;
  const n = nIn * nOut;
  return {
    weightsBefore: trace.weightsBefore.subarray(it * n, it * n + n),
    pred: trace.pred.subarray(it * nOut, it * nOut + nOut),
    error: trace.error.subarray(it * nOut, it * nOut + nOut),
    delta: trace.delta.subarray(it * nOut, it * nOut + nOut),
    weightDeltas: trace.weightDeltas.subarray(it * n, it * n + n),
    weightsAfter: trace.weightsAfter.subarray(it * n, it * n + n),
  };
}

export function totalError(trace, it) {
  let sum = 0;
  for (let o = 0; o < trace.nOut; o++) sum += trace.error[it * trace.nOut + o];
  return sum;
}
