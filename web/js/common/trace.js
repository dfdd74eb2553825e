// Reading an engine trace, with one vocabulary: the trace's own field names
// (weightsBefore, pred, error, delta, weightDeltas, weightsAfter). A trace is
// flat Float64Arrays, iteration k's slice at k*nOut or k*nOut*nIn; an
// overflowed trace holds only its finite steps, so the count of usable steps
// comes from the arrays themselves.
//
// The step has the book's three phases, PREDICT, COMPARE and LEARN; LEARN is
// shown in two beats: the weight_deltas first, then the new weights.
export const PHASES = ['predict', 'compare', 'learn', 'update'];

export const PHASE_LABELS = {
  predict: 'Predict', compare: 'Compare', learn: 'Learn: weight_deltas', update: 'Learn: new weights',
};

export function phaseIndex(phase) {
  const i = PHASES.indexOf(phase);
  return i < 0 ? 0 : i;
}

export const isLearn = (phase) => String(phase ?? '').toLowerCase() === 'learn';
export const isPredict = (phase) => String(phase ?? '').toLowerCase() === 'predict';

export function usableSteps(trace) {
  if (!trace) return 0;
  const nW = trace.nIn * trace.nOut;
  if (!(nW > 0)) return 0;
  return Math.max(0, Math.min(
    trace.steps | 0,
    Math.floor((trace.weightsBefore?.length ?? 0) / nW),
    Math.floor((trace.weightsAfter?.length ?? 0) / nW),
    Math.floor((trace.weightDeltas?.length ?? 0) / nW),
    Math.floor((trace.error?.length ?? 0) / trace.nOut),
    Math.floor((trace.delta?.length ?? 0) / trace.nOut),
  ));
}

// Everything about iteration k (clamped to the usable steps), or null if none.
export function iterationOf(trace, iteration) {
  const steps = usableSteps(trace);
  if (steps === 0) return null;
  const k = Math.min(steps - 1, Math.max(0, Math.round(Number(iteration) || 0)));
  const { nIn, nOut } = trace;
  const nW = nIn * nOut;
  const w = (a) => Array.from(a.subarray(k * nW, (k + 1) * nW));
  const o = (a) => Array.from(a.subarray(k * nOut, (k + 1) * nOut));
  const error = o(trace.error);
  return {
    k, steps, nIn, nOut, nW,
    weightsBefore: w(trace.weightsBefore),
    pred: trace.pred ? o(trace.pred) : [],
    error,
    totalError: error.reduce((s, v) => s + v, 0),
    delta: o(trace.delta),
    weightDeltas: w(trace.weightDeltas),
    weightsAfter: w(trace.weightsAfter),
  };
}

// Weight `w` before each usable iteration, then after the last one (steps + 1 values).
export function weightPath(trace, w) {
  const steps = usableSteps(trace);
  const nW = trace.nIn * trace.nOut;
  const out = [];
  for (let k = 0; k < steps; k += 1) out.push(trace.weightsBefore[k * nW + w]);
  if (steps > 0) out.push(trace.weightsAfter[(steps - 1) * nW + w]);
  return out;
}

// Why a trace has nothing to draw (when iterationOf returns null).
export function emptyReason(trace) {
  if (!trace) return '';
  return trace.overflowed ? 'No finite step to draw: the numbers overflowed at once.' : 'No steps to draw: set iterations to at least 1.';
}
