// What the page may show at a phase: each trace field belongs to the phase
// that computes it, and a value is on the page only once its phase is shown
// (not greyed: absent). `shown` is the index of the last phase whose values
// are on screen: the current phase, or the one before it while a
// predict-then-check guess is still open.
import { PHASES } from '../common/trace.js';

export const FIELD_PHASE = { weightsBefore: -1, pred: 0, error: 1, delta: 1, weightDeltas: 2, weightsAfter: 3 };
export const PHASE_FIELDS = [['pred'], ['error', 'delta'], ['weightDeltas'], ['weightsAfter']];

// The cell of a value not computed yet: a "?" read aloud as "not computed yet".
export const NOT_YET = '<span class="not-yet"><span aria-hidden="true">?</span><span class="visually-hidden">not computed yet</span></span>';

export const isShown = (field, shown) => FIELD_PHASE[field] <= shown;

// A copy of an iteration's values with every field not shown yet as NaN, for
// views that print whatever they are given (NaN prints as "–").
export function maskValues(values, shown) {
  if (!values) return values;
  const out = { ...values };
  for (const [field, ph] of Object.entries(FIELD_PHASE)) {
    if (ph > shown && Array.isArray(values[field])) out[field] = values[field].map(() => NaN);
  }
  return out;
}

// The phase a view that draws a whole phase's picture should draw.
export const shownPhase = (shown) => PHASES[Math.max(0, Math.min(shown, PHASES.length - 1))];
