// The summary: the chapter's takeaway in a few lines, and a link back to
// every other section with what it showed.
import { SECTIONS } from '../sections.js';
import { summaryHtml } from '../concepts/summary-template.js';

export function mount(root, { section }) {
  root.innerHTML = summaryHtml(section, SECTIONS);
  return () => {};
}
