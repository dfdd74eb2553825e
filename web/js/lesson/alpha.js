// The alpha slider beside the charts, one per network: a log scale from 1e-4
// to past the largest alpha that converges (engine.alphaLimit), the value
// shown, and beside it whether the run converges or diverges and why.
// Sliding previews (onAlpha(p, alpha, false)); letting go commits (…, true).
import { fmt } from '../common/format.js';
import { escapeHtml as esc, changeWriter } from '../common/dom.js';
import { alphaVerdict, whyText } from './divergence.js';

const LO = -4;   // log10 of the smallest alpha on the slider

// Rounded to 3 significant digits so the URL stays short.
const alphaAt = (v) => Number((10 ** v).toPrecision(3));
const topOf = (limit) => Math.max(0, Math.ceil(Math.log10(Number.isFinite(limit) ? 2 * limit : 1)));

export function createAlphaSliders(slot, panels, { onAlpha }) {
  const pair = panels.length > 1;
  slot.innerHTML = panels.map((p, k) => `<div class="alpha-row" data-alpha="${k}">
      <label class="alpha-label"><span>alpha${pair ? ` (${esc(p.ex.title)})` : ''}</span>
        <input type="range" min="${LO}" max="0" step="0.01" data-act="alpha" data-panel="${k}">
        <output class="mono" data-role="alpha-value"></output></label>
      <p class="alpha-verdict" data-role="alpha-verdict"></p>
      <p class="alpha-why hint" data-role="alpha-why"></p>
    </div>`).join('');
  const rows = panels.map((p, k) => {
    const row = slot.querySelector(`[data-alpha="${k}"]`);
    return { row, input: row.querySelector('input'), value: row.querySelector('[data-role="alpha-value"]'),
      verdict: row.querySelector('[data-role="alpha-verdict"]'), why: row.querySelector('[data-role="alpha-why"]') };
  });
  const onInput = (event) => {
    const k = Number(event.target.dataset.panel);
    if (event.target.dataset.act !== 'alpha' || !panels[k]) return;
    onAlpha(panels[k], alphaAt(Number(event.target.value)), event.type === 'change');
  };
  slot.addEventListener('input', onInput);
  slot.addEventListener('change', onInput);

  // Text is written only when it changed (a drag frame writes as little as it can).
  const said = changeWriter();
  const put = (k, key, value, write) => said(`${k}:${key}`, value, write);
  function update() {
    panels.forEach((p, k) => {
      const r = rows[k];
      const { alpha } = p.problem;
      const limit = p.limit?.limit;
      put(k, 'max', String(topOf(limit)), (v) => { r.input.max = v; });
      // The thumb, unless it is in the reader's hand; written only when it would move.
      const at = String(alpha > 0 ? Math.log10(alpha) : LO);
      if (document.activeElement !== r.input && (r.at !== at || r.input.value !== r.shown)) {
        r.input.value = at; r.at = at; r.shown = r.input.value;
      }
      put(k, 'value', fmt(alpha), (v) => { r.value.textContent = v; });
      const v = alphaVerdict({ problem: p.problem, limit: p.limit });
      put(k, 'aria', `alpha ${fmt(alpha)}: ${v.text}`, (t) => r.input.setAttribute('aria-valuetext', t));
      put(k, 'verdict', v.text, (t) => { r.verdict.textContent = t; });
      put(k, 'diverges', v.diverges, (d) => r.row.classList.toggle('diverges', d));
      put(k, 'why', whyText({ problem: p.problem, limit: p.limit, ...p.names }), (t) => { r.why.innerHTML = t; });
    });
  }

  return { update, destroy: () => { slot.removeEventListener('input', onInput); slot.removeEventListener('change', onInput); slot.replaceChildren(); } };
}
