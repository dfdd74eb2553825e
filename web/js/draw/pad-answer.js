// The answer pinned to the pad (phones, where the answer panel is below the
// pad): the chapter's network's digit and its ten scores, with the CNN's
// digit, in a strip just under the pad (not over the drawing), so it is in
// view the moment a stroke ends. Read aloud it would repeat the answer panel, so it is hidden
// from assistive technology.
import { fixed2 } from '../common/format.js';
import { rank } from '../common/rank.js';

const BAR = 22;   // px, the highest score

export function createPadAnswer(box) {
  const wrap = box.querySelector('.pad-wrap');
  const pin = document.createElement('div');
  pin.className = 'pad-answer';
  pin.setAttribute('aria-hidden', 'true');
  pin.innerHTML = `<span class="pa-digit"></span><span class="pa-prob"></span>
    <span class="pa-bars">${Array.from({ length: 10 }, (_, d) => `<span class="pa-bar" data-d="${d}"><i></i><b>${d}</b></span>`).join('')}</span>
    <span class="pa-cnn"></span>`;
  wrap.append(pin);
  const bars = [...pin.querySelectorAll('.pa-bar')];

  return function show(out) {
    if (!out?.linear) { pin.hidden = true; return; }
    pin.hidden = false;
    const top = out.linearTop;
    const high = Math.max(1e-9, out.linear[top]);
    pin.querySelector('.pa-digit').textContent = String(top);
    pin.querySelector('.pa-prob').textContent = `score ${fixed2(out.linear[top])}`;
    bars.forEach((bar, d) => {
      bar.firstChild.style.height = `${Math.max(1, Math.round(BAR * Math.min(1, Math.max(0, out.linear[d] / high))))}px`;
      bar.classList.toggle('is-top', d === top);
    });
    pin.querySelector('.pa-cnn').textContent = out.verdict === 'not a digit' ? 'Not a digit?'
      : out.probs ? `CNN: ${rank(out.probs)[0]}` : '';
  };
}
