// What each lesson section shows: which worked example(s), which charts, and
// a few sentences of explanation (our own words; the numbers come from the engine).
export const LESSONS = {
  'multi-input': {
    panels: [{ example: 'multi-input', prefix: '' }],
    curves: true,
    intro: `Three numbers about a game (toes, wlrec, nfans) go in, one prediction comes out.
      One step of gradient descent works exactly as with a single weight: predict, compare with the
      target, then nudge every weight. The new part: one delta on the output becomes three
      weight_deltas, each the delta times that weight's own input.`,
  },
  'side-by-side': {
    panels: [{ example: 'single-input', prefix: '1' }, { example: 'multi-input', prefix: '' }],
    curves: true,
    intro: `The single-input network of chapter 4 beside the three-input one, stepped together.
      Up to delta on the output node they do the same thing; afterwards the three-input network
      multiplies its one delta by each input, so a large input (toes = 8.5) gets a large weight_delta
      and a zero input would get none.`,
  },
  steps: {
    panels: [{ example: 'multi-input', prefix: '' }],
    curves: true,
    surface: true,
    intro: `Several steps in a row. Each small chart is the error as one weight moves with the others
      held still; the dot is the current weight and the line its slope (twice its weight_delta).
      Weight a (toes) has by far the steepest curve because its input is the largest, so it does most
      of the learning. Set alpha to 0.1 to watch that steepness make the run diverge.`,
  },
  freeze: {
    panels: [{ example: 'freeze', prefix: '' }],
    curves: true,
    surface: true,
    intro: `Weight a is frozen: its weight_delta is forced to 0, so it never moves. The other two
      still bring the error to almost 0, and because the error is shared, a's curve sinks until its
      dot sits at the bottom too, without a moving at all. Once the error is 0, a gets no more
      signal: a network can learn to ignore a useful input. Click a weight's label to freeze or free it.`,
  },
  'multi-output': {
    panels: [{ example: 'multi-output', prefix: '' }],
    matrix: true,
    intro: `One input (the win/loss record) and three predictions: hurt, win and sad. Each output has its
      own delta; each weight_delta is that delta times the single shared input.`,
  },
  'multi-in-out': {
    panels: [{ example: 'multi-in-out', prefix: '' }],
    matrix: true,
    intro: `Three inputs and three outputs: nine weights, one row per prediction. The prediction is a
      vector-matrix product and the weight_deltas are the outer product of the output deltas and the
      inputs: weight_deltas[o][i] = delta[o] × input[i].`,
  },
};
