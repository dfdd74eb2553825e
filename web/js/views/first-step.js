// Example 2's first iteration, as computed by the engine (a placeholder view
// until the lessons arrive).
export function mount(root, { engine }) {
  const trace = engine.run(engine.example('multi-input'));
  const row = (name, values) =>
    `<tr><th scope="row">${name}</th>${[...values].map((v) => `<td>${v.toFixed(4)}</td>`).join('')}</tr>`;
  root.innerHTML = `
    <h1>Several inputs: the first step</h1>
    <table class="numbers" id="first-step">
      ${row('weights', trace.weightsBefore.slice(0, 3))}
      ${row('pred', trace.pred.slice(0, 1))}
      ${row('error', trace.error.slice(0, 1))}
      ${row('delta', trace.delta.slice(0, 1))}
      ${row('weight_deltas', trace.weightDeltas.slice(0, 3))}
      ${row('new weights', trace.weightsAfter.slice(0, 3))}
    </table>`;
  return () => {};
}
