// The step controls: the four phase pills, restart / back / play / next,
// speed, an iteration slider, and the keyboard (arrows step, space plays when
// focus is not in a field). The position itself lives in the URL; the player
// reads it through position() and moves it through go(it, phase).
import { PHASES, PHASE_LABELS, phaseIndex } from '../common/trace.js';

export const SPEEDS = { slow: 1600, normal: 900, fast: 350 };

export function createPlayer(container, { id, position, go, speed, setSpeed }) {
  const box = document.createElement('div');
  box.className = 'player';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Step through the learning');
  box.innerHTML = `
    <ol class="phases" aria-label="Phases of one step">${PHASES.map((ph) =>
      `<li data-ph="${ph}" class="ph-${ph}">${PHASE_LABELS[ph]}</li>`).join('')}</ol>
    <div class="buttons">
      <button type="button" data-act="restart">Restart</button>
      <button type="button" data-act="back" aria-keyshortcuts="ArrowLeft">◀ Back</button>
      <button type="button" data-act="play" class="primary" aria-keyshortcuts="Space" aria-pressed="false">Play</button>
      <button type="button" data-act="next" aria-keyshortcuts="ArrowRight">Next ▶</button>
      <label class="speed">Speed <select data-act="speed">
        ${Object.keys(SPEEDS).map((s) => `<option value="${s}">${s}</option>`).join('')}</select></label>
    </div>
    <div class="scrub">
      <label for="${id}-it">Iteration</label>
      <input type="range" id="${id}-it" data-act="scrub" min="1" max="1" step="1">
      <output for="${id}-it" data-role="position"></output>
    </div>`;
  container.append(box);
  const $ = (sel) => box.querySelector(sel);
  const pills = [...box.querySelectorAll('.phases li')];
  const playButton = $('[data-act="play"]');
  let timer = 0;

  // Move by `dir` phases; false at either end.
  function stepBy(dir) {
    const { it, ph, n } = position();
    if (!n) return false;
    const k = it * PHASES.length + phaseIndex(ph) + dir;
    if (k < 0 || k > n * PHASES.length - 1) return false;
    go(Math.floor(k / PHASES.length), PHASES[k % PHASES.length]);
    return true;
  }
  function setPlaying(on) {
    clearTimeout(timer);
    timer = 0;
    playButton.textContent = on ? 'Pause' : 'Play';
    playButton.setAttribute('aria-pressed', on ? 'true' : 'false');
    if (on) schedule();
  }
  function schedule() {
    timer = setTimeout(() => { if (stepBy(1)) schedule(); else setPlaying(false); }, SPEEDS[speed()]);
  }
  function togglePlay() {
    if (timer) { setPlaying(false); return; }
    const { it, ph, n } = position();
    if (it === n - 1 && ph === PHASES[PHASES.length - 1]) go(0, PHASES[0]);   // replay from the start
    setPlaying(true);
  }

  const onClick = (event) => {
    const act = event.target.closest('button[data-act]')?.dataset.act;
    if (act === 'play') togglePlay();
    else if (act === 'next') { setPlaying(false); stepBy(1); }
    else if (act === 'back') { setPlaying(false); stepBy(-1); }
    else if (act === 'restart') { setPlaying(false); go(0, PHASES[0]); }
  };
  const onChange = (event) => { if (event.target.dataset.act === 'speed') setSpeed(event.target.value); };
  const onScrub = (event) => {
    if (event.target.dataset.act !== 'scrub') return;
    setPlaying(false);
    go(Number(event.target.value) - 1, position().ph);
  };
  const onKey = (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const t = event.target;
    if (t.closest?.('input, select, textarea, [contenteditable="true"]')) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      setPlaying(false);
      stepBy(event.key === 'ArrowRight' ? 1 : -1);
    } else if (event.key === ' ' && !t.closest?.('button, a, summary')) {
      event.preventDefault();
      togglePlay();
    }
  };
  box.addEventListener('click', onClick);
  box.addEventListener('change', onChange);
  box.addEventListener('input', onScrub);
  document.addEventListener('keydown', onKey);

  let last = '';
  function update({ it, ph, n }) {
    const key = `${it} ${ph} ${n} ${speed()}`;
    if (key === last) return;   // a drag redraws every frame with the same position: nothing to write
    last = key;
    const pi = phaseIndex(ph);
    for (const li of pills) {
      const k = phaseIndex(li.dataset.ph);
      li.classList.toggle('done', k < pi);
      li.classList.toggle('current', k === pi);
      if (k === pi) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
    }
    const scrub = $('[data-act="scrub"]');
    scrub.max = String(Math.max(n, 1));
    scrub.value = String(it + 1);
    scrub.disabled = n <= 1;
    $('[data-role="position"]').textContent = n ? `${it + 1} of ${n}` : 'no steps';
    $('[data-act="back"]').disabled = !n || (it === 0 && pi === 0);
    $('[data-act="next"]').disabled = !n || (it === n - 1 && pi === PHASES.length - 1);
    $('[data-act="speed"]').value = speed();
  }

  return {
    update,
    destroy() {
      setPlaying(false);
      box.removeEventListener('click', onClick);
      box.removeEventListener('change', onChange);
      box.removeEventListener('input', onScrub);
      document.removeEventListener('keydown', onKey);
      box.remove();
    },
  };
}
