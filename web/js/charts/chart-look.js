// How large the charts draw their type, lines and dots: the page's
// --chart-scale (1, or 1.5 in projector mode: web/css/projector.css), read
// again only when <html>'s classes change (projector.js toggles "proj"), so
// that a drag frame does not read the page's style. Every chart multiplies
// its font sizes, line widths and point radii by scale().
import { chartScale } from '../common/colors.js';

let key = null;
let value = 1;

export function chartLook() {
  const now = document.documentElement.className;
  if (now !== key) { value = chartScale(); key = now; }
  return value;
}
