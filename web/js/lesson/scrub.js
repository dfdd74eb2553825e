// Scrubbing a number on the diagram, Bret Victor style: press on an input's
// or a target's value and drag up (more) or down (less). Every move calls
// onScrub(kind, index, value, false); letting go calls it once more with
// final = true (the caller writes the URL then, not on every frame).
// The step is a hundredth of the value's size (at least 0.005) per pixel,
// rounded to the step's decimals, so a drag of 100 px moves 8.5 by about 1.
// The keyboard twin: a focused handle ([data-scrub], or [data-key-scrub] for
// what only the keyboard moves, such as a weight's label) moves by one
// pixel's step per arrow key (ten with Shift), through the same onScrub;
// each key press is final (the URL follows at once).

// The value `dy` pixels above a drag that started at `start`.
export function scrubValue(start, dy) {
  const perPx = Math.max(Math.abs(start), 0.5) / 100;
  const decimals = Math.max(0, Math.ceil(-Math.log10(perPx)));
  const f = 10 ** decimals;
  return Math.round((start + dy * perPx) * f) / f;
}

export function bindScrub(svg, { onScrub, value }) {
  let drag = null;   // { kind, index, start, y, id, last }

  const down = (event) => {
    const target = event.target.closest?.('[data-scrub]');
    if (!target || !onScrub || event.button > 0) return;
    const kind = target.dataset.scrub, index = Number(target.dataset.index);
    const start = value(kind, index);
    if (!Number.isFinite(start)) return;
    event.preventDefault();
    drag = { kind, index, start, y: event.clientY, id: event.pointerId, last: start };
    try { svg.setPointerCapture(event.pointerId); } catch { /* synthetic pointer */ }
    svg.classList.add('scrubbing');
  };
  const move = (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const next = scrubValue(drag.start, drag.y - event.clientY);
    if (next === drag.last) return;
    drag.last = next;
    onScrub(drag.kind, drag.index, next, false);
  };
  const up = (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const { kind, index, last, start } = drag;
    drag = null;
    svg.classList.remove('scrubbing');
    if (last !== start) onScrub(kind, index, last, true);
  };

  const key = (event) => {
    const dir = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1 }[event.key];
    const target = event.target.closest?.('[data-scrub], [data-key-scrub]');
    if (!dir || !target || !onScrub || event.altKey || event.ctrlKey || event.metaKey) return;
    const kind = target.dataset.scrub ?? target.dataset.keyScrub, index = Number(target.dataset.index);
    const start = value(kind, index);
    if (!Number.isFinite(start)) return;
    event.preventDefault();   // the player's arrow keys step only when nothing else took them
    const next = scrubValue(start, dir * (event.shiftKey ? 10 : 1));
    if (next !== start) onScrub(kind, index, next, true);
  };

  svg.addEventListener('keydown', key);
  svg.addEventListener('pointerdown', down);
  svg.addEventListener('pointermove', move);
  svg.addEventListener('pointerup', up);
  svg.addEventListener('pointercancel', up);
  return {
    destroy() {
      svg.removeEventListener('keydown', key);
      svg.removeEventListener('pointerdown', down);
      svg.removeEventListener('pointermove', move);
      svg.removeEventListener('pointerup', up);
      svg.removeEventListener('pointercancel', up);
    },
  };
}
