// Projector mode, for a classroom: `?proj=1` in the URL (kept when moving
// between sections) puts the class "proj" on <html>; web/css/projector.css
// does the rest (large type, thick lines, charts 1.5x, one lesson filling
// the screen) and sets the --chart-scale token by which the charts draw
// their type, lines and dots (charts/chart-look.js).
import { state } from './state.js';

export const isProjector = () => state.get('proj') === '1';

// The part of the state that travels with the reader from section to section.
export const carried = () => (isProjector() ? { proj: '1' } : {});

// Called on load and on every state change (by main.js's one listener).
export function applyProjector() {
  document.documentElement.classList.toggle('proj', isProjector());
}
