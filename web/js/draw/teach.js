// "Teach it your handwriting": the learner says which digit the drawing was;
// the engine takes the chapter's own step (reader.teach: learn_step on the
// chapter's network) and the panel shows before and after: the ten scores,
// delta, and the weight image of that digit before, after and changed. The
// examples are kept in this browser (store.js), can be replayed (one epoch,
// one engine call), exported and imported (transfer.js) and reset; "your
// digits: n of m read right" is one engine call (reader.countRight). alpha is
// a setting of the state (`alpha`, log scale on the slider).
//
// On opening, the network starts from the shipped weights and learns the
// stored examples once each, in order, at the alpha each was taught with
// (reader.replay): the network the learner left, unless they replayed. Until
// that is done, Import and Reset are disabled (they would race it). If the
// store cannot be read, nothing is saved over it this visit.
import { clamp } from '../common/format.js';
import { alphaText, divergedText, showResult } from './teach-result.js';
import { loadExamples, saveExamples, clearExamples, flatten, MAX_EXAMPLES } from './store.js';
import { exportExamples, importExamples, FILE_NAME } from './transfer.js';

export const ALPHA = { min: 1e-4, max: 0.1, standard: 0.005 };
export const teachAlpha = (state) => clamp(state.number('alpha', ALPHA.standard), ALPHA.min, ALPHA.max);
const digits = (n) => `${n} digit${n === 1 ? '' : 's'}`;

export function createTeach(box, { reader, state, reading, reread }) {
  const el = (sel) => box.querySelector(sel);
  const buttons = [...box.querySelectorAll('.teach-digit')];
  const slider = el('#teach-alpha-input');
  const listening = new AbortController();
  const on = (target, type, fn) => target.addEventListener(type, fn, { signal: listening.signal });
  let examples = [];
  let ready = false;       // the stored examples are learned
  let unreadable = false;  // the store could not be read: never save over it
  let alive = true;

  const message = (text, error = false) => {
    el('.teach-message').textContent = text;
    el('.teach-message').classList.toggle('error', error);
  };

  function syncAlpha() {
    const a = teachAlpha(state);
    slider.value = String(Math.log10(a));
    el('.teach-alpha-value').textContent = alphaText(a);
  }
  syncAlpha();

  // "your digits: n of m read right", from the engine.
  function count() {
    el('.teach-replay').disabled = el('.teach-export').disabled = !ready || examples.length === 0;
    el('.teach-import').disabled = el('.teach-reset').disabled = !ready;
    box.dataset.examples = String(examples.length);
    if (!examples.length) { el('.teach-count').textContent = 'Your digits: none taught yet.'; box.dataset.right = '0'; return; }
    try {
      const { images, labels } = flatten(examples);
      const right = reader.countRight(images, labels);
      box.dataset.right = String(right);
      el('.teach-count').textContent = `Your digits: ${right} of ${examples.length} read right.`;
    } catch (error) {
      el('.teach-count').textContent = `Your digits: ${examples.length} (could not count them: ${error.message})`;
    }
  }

  async function store() {
    if (unreadable) { message(`Not saved: the digits stored earlier could not be read, and saving would erase them. Export yours to keep them.`, true); return; }
    try { await saveExamples(examples); } catch (error) {
      if (alive) message(`Your digits could not be stored in this browser (${error.message}); export them to keep them.`, true);
    }
  }

  function teach(label) {
    const out = reading();
    if (!out?.hasInk || !out.linear) { message('Draw a digit first.', true); return; }
    if (examples.length >= MAX_EXAMPLES) { message(`That is ${MAX_EXAMPLES} digits, the most this page keeps: export them, then reset.`, true); return; }
    let t;
    try {
      t = reader.teach(label, teachAlpha(state));
    } catch (error) {
      message(`Could not learn: ${error.message}`, true);
      return;
    }
    if (t.diverged) {
      box.dataset.teachDiverged = String(t.label);
      message(`At alpha ${alphaText(t.alpha)} this step diverged (the error before it was past the engine's limit), so the network is left as it was and this digit is not kept. ${divergedText(t)}`, true);
      return;
    }
    delete box.dataset.teachDiverged;
    examples.push({ image: Float32Array.from(out.image), label, alpha: t.alpha });
    message('');
    showResult(box, t);
    reread();
    count();
    el('.teach-result').scrollIntoView({ block: 'nearest' });
    store();
  }

  // One epoch over `list` (at `alpha`, or each at its own). Throws if it
  // diverged: then the engine left the network as it was.
  function replay(list, alpha) {
    const { images, labels, alphas } = flatten(list, alpha);
    const r = reader.replay(images, labels, alphas);
    if (r.diverged) throw new Error(`the network diverged at digit ${r.divergedAt + 1} of ${list.length}; it is left as it was`);
    reread();
    count();
    return r;
  }

  function onReplay() {
    try {
      const a = teachAlpha(state);
      const r = replay(examples, a);
      message(`One epoch over your ${digits(r.count)} at alpha ${alphaText(a)}: ${r.correctBefore} were read right just before their own step.`);
    } catch (error) { message(`Could not replay: ${error.message}`, true); }
  }

  async function onImport(event) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !ready) return;
    try {
      const list = await importExamples(file);
      if (!alive) return;
      if (examples.length + list.length > MAX_EXAMPLES) throw new Error(`that would make more than ${MAX_EXAMPLES} digits`);
      const { images, labels } = flatten(list);
      reader.countRight(images, labels);  // the engine checks every value before anything changes
      replay(list);
      examples = examples.concat(list);
      count();
      message(`Imported ${digits(list.length)} from ${file.name}; the network learned each once, at its own alpha.`);
      store();
    } catch (error) {
      if (alive) message(`Could not import ${file.name}: ${error.message}`, true);
    }
  }

  async function onReset() {
    if (!ready) return;
    if (examples.length && !window.confirm(`Forget your ${digits(examples.length)} and give the chapter's network back its trained weights?`)) return;
    try { reader.resetLinear(); } catch (error) { message(`Could not reset: ${error.message}`, true); return; }
    examples = [];
    el('.teach-detail').hidden = true;
    el('.teach-summary').textContent = 'Draw a digit, then press the digit it is.';
    delete box.dataset.taught;
    reread();
    count();
    message('The network has its trained weights again; your digits are forgotten.');
    if (unreadable) return;  // what could not be read is not erased either
    try { await clearExamples(); } catch (error) {
      if (alive) message(`Could not clear this browser's store: ${error.message}`, true);
    }
  }

  buttons.forEach((b) => on(b, 'click', () => teach(Number(b.dataset.d))));
  on(slider, 'input', () => state.set({ alpha: alphaText(10 ** Number(slider.value)) }));
  on(el('.teach-replay'), 'click', onReplay);
  on(el('.teach-export'), 'click', () => {
    exportExamples(examples);
    message(`Exported your ${digits(examples.length)} as ${FILE_NAME}.`);
  });
  on(el('.teach-import'), 'change', onImport);
  on(el('.teach-reset'), 'click', onReset);

  return {
    // The state changed (the view's one subscription calls this).
    onState(changed) { if (changed.includes('alpha')) syncAlpha(); },
    // The chapter's network is loaded: learn the stored examples once each.
    async start() {
      const notes = [];
      try {
        const { examples: stored, skipped } = await loadExamples();
        examples = stored;
        if (skipped.length) notes.push(`${skipped.length} stored entr${skipped.length === 1 ? 'y was' : 'ies were'} skipped (${skipped[0]}).`);
      } catch (error) {
        unreadable = true;
        notes.push(`Your stored digits could not be read (${error.message}); nothing will be saved over them.`);
      }
      if (!alive) return;
      if (examples.length) {
        try {
          replay(examples);
          notes.unshift(`Relearned your ${digits(examples.length)} kept in this browser, each once, in order, at its own alpha.`);
        } catch (error) {
          notes.unshift(`Your stored digits could not be learned again: ${error.message}.`);
        }
      }
      ready = true;
      box.dataset.teach = 'ready';
      count();
      message(notes.join(' '), notes.length > 0 && !notes[0].startsWith('Relearned'));
    },
    // The reading changed: teaching needs a drawing and the chapter's network.
    update(out) {
      const can = ready && Boolean(out?.hasInk && out.linear);
      for (const b of buttons) b.disabled = !can;
    },
    destroy() {
      alive = false;
      listening.abort();
    },
  };
}
