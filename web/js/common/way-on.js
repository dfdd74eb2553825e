// "A way on": the footer every section ends with, a link to the next
// section in the chapter's order (the last one back to the first).
import { escapeHtml } from './dom.js';

export function wayOn(sections, id) {
  const i = sections.findIndex((s) => s.id === id);
  const last = i === sections.length - 1;
  const next = sections[last ? 0 : i + 1];
  const nav = document.createElement('nav');
  nav.className = 'way-on';
  nav.setAttribute('aria-label', 'Next section');
  nav.innerHTML = `<a href="?s=${next.id}" data-section="${next.id}" rel="${last ? 'start' : 'next'}">` +
    `<span class="way-on-kind">${last ? 'Back to the start' : 'Next'}</span> ` +
    `<span class="num">${last ? 1 : i + 2}</span> ${escapeHtml(next.title)} <span aria-hidden="true">→</span></a>`;
  return nav;
}
