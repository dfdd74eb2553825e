// Reading one iteration out of an engine trace (flat Float64Arrays, iteration
// k's slice at k*nOut or k*nOut*nIn), defensively: an overflowed trace holds
// only its finite steps, so the count comes from the arrays themselves.

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
    before: w(trace.weightsBefore),
    after: w(trace.weightsAfter),
    weightDeltas: w(trace.weightDeltas),
    pred: trace.pred ? o(trace.pred) : [],
    error,
    totalError: error.reduce((s, v) => s + v, 0),
    delta: o(trace.delta),
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

export const isLearn = (phase) => String(phase ?? '').toLowerCase() === 'learn';
export const isPredict = (phase) => String(phase ?? '').toLowerCase() === 'predict';
