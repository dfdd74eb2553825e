// "Teach it your handwriting": the learner says which digit the drawing was;
// the engine takes the chapter's own step (reader.teach: learn_step on the
// chapter's network) and the panel shows before and after: the ten scores,
// delta, and the weight image of that digit before, after and changed. The
// examples are kept in this browser (store.js), can be replayed (one epoch,
// one engine call), exported, imported and reset; "your digits: n of m read
// right" is one engine call (reader.countRight). alpha is a setting of the
// state (`alpha`, log scale on the slider).
//
// On opening, the network starts from the shipped weights and learns the
// stored examples once each, in order, at the alpha each was taught with
// (reader.replay): the network the learner left, unless they replayed.
import { paintSigned, maxAbs } from '../common/paint.js';
import { fixed2 } from '../common/format.js';
import { loadExamples, saveExamples, clearExamples, flatten, toFileText, fromFileText, MAX_EXAMPLES } from './store.js';

export const ALPHA = { min: 1e-4, max: 0.1, standard: 0.005 };
export const teachAlpha = (state) => Math.min(ALPHA.max, Math.max(ALPHA.min, state.number('alpha', ALPHA.standard)));
const alphaText = (a) => String(Number(a.toPrecision(2)));
// Two decimals without the leading zero (-.07, .58, 1.20): ten columns fit a phone.
const short = (v) => fixed2(v).replace(/^(-?)0\./, '$1.');
const digits = (n) => `${n} digit${n === 1 ? '' : 's'}`;
const ordinal = (n) => `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

export function createTeach(box, { reader, state, reading, reread }) {
  const el = (sel) => box.querySelector(sel);
  const buttons = [...box.querySelectorAll('.teach-digit')];
  const slider = el('#teach-alpha-input');
  let examples = [];
  let ready = false;     // the stored examples are learned
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
  const onSlide = () => state.set({ alpha: alphaText(10 ** Number(slider.value)) });

  // "your digits: n of m read right", from the engine.
  function count() {
    el('.teach-replay').disabled = el('.teach-export').disabled = !ready || examples.length === 0;
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

  function showResult(t) {
    el('.teach-summary').innerHTML = `Taught a <strong>${t.label}</strong> at alpha ${alphaText(t.alpha)}: its score
      ${fixed2(t.before[t.label])} → <strong>${fixed2(t.after[t.label])}</strong>, ${ordinal(t.rankBefore)} → ${ordinal(t.rankAfter)} of ten;
      it now reads <strong class="teach-reads">${t.topAfter}</strong>. Every delta shrank by 1 − alpha × Σpixel² = ${fixed2(t.shrink)}.`;
    for (const [row, values] of [['.t-before', t.before], ['.t-delta', t.delta], ['.t-after', t.after]]) {
      el(row).querySelectorAll('td').forEach((td, d) => {
        td.textContent = short(values[d]);
        td.title = fixed2(values[d]);
        td.classList.toggle('is-label', d === t.label);
      });
    }
    el('.t-digit').querySelectorAll('th[scope="col"]').forEach((th, d) => th.classList.toggle('is-label', d === t.label));
    const scale = Math.max(maxAbs(t.rowBefore), maxAbs(t.rowAfter));
    paintSigned(el('.row-before'), t.rowBefore, scale);
    paintSigned(el('.row-after'), t.rowAfter, scale);
    paintSigned(el('.row-change'), t.rowChange, maxAbs(t.rowChange));
    el('.row-before-caption').textContent = `${t.label}'s weights before`;
    el('.teach-detail').hidden = false;
    box.dataset.taught = String(t.label);
    box.dataset.teachScore = String(t.after[t.label]);
    box.dataset.teachRank = String(t.rankAfter);
    box.dataset.teachRankBefore = String(t.rankBefore);
  }

  async function store() {
    try { await saveExamples(examples); } catch (error) {
      message(`Your digits could not be stored in this browser (${error.message}); export them to keep them.`, true);
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
    examples.push({ image: Float32Array.from(out.image), label, alpha: t.alpha });
    message('');
    showResult(t);
    reread();
    count();
    el('.teach-result').scrollIntoView({ block: 'nearest' });
    store();
  }

  function replay(list, alpha, done) {
    const { images, labels, alphas } = flatten(list, alpha);
    const r = reader.replay(images, labels, alphas);
    reread();
    count();
    if (done) message(done(r));
  }

  buttons.forEach((b) => b.addEventListener('click', () => teach(Number(b.dataset.d))));
  slider.addEventListener('input', onSlide);

  el('.teach-replay').addEventListener('click', () => {
    try {
      replay(examples, teachAlpha(state), (r) => `One epoch over your ${digits(r.count)} at alpha ${alphaText(teachAlpha(state))}: ` +
        `${r.correctBefore} were read right just before their own step.`);
    } catch (error) { message(`Could not replay: ${error.message}`, true); }
  });

  el('.teach-export').addEventListener('click', () => {
    const url = URL.createObjectURL(new Blob([toFileText(examples)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'weightlab-digits.json';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    message(`Exported your ${digits(examples.length)} as weightlab-digits.json.`);
  });

  el('.teach-import').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const list = fromFileText(await file.text());
      if (examples.length + list.length > MAX_EXAMPLES) throw new Error(`that would make more than ${MAX_EXAMPLES} digits`);
      const { images, labels } = flatten(list);
      reader.countRight(images, labels);  // the engine checks every value before anything changes
      if (!alive) return;
      replay(list, undefined, null);
      examples = examples.concat(list);
      count();
      message(`Imported ${digits(list.length)} from ${file.name}; the network learned each once, at its own alpha.`);
      store();
    } catch (error) {
      message(`Could not import ${file.name}: ${error.message}`, true);
    }
  });

  el('.teach-reset').addEventListener('click', async () => {
    if (examples.length && !window.confirm(`Forget your ${digits(examples.length)} and give the chapter's network back its trained weights?`)) return;
    try { reader.resetLinear(); } catch (error) { message(`Could not reset: ${error.message}`, true); return; }
    examples = [];
    el('.teach-detail').hidden = true;
    el('.teach-summary').textContent = 'Draw a digit, then press the digit it is.';
    delete box.dataset.taught;
    reread();
    count();
    message('The network has its trained weights again; your digits are forgotten.');
    try { await clearExamples(); } catch (error) { message(`Could not clear this browser's store: ${error.message}`, true); }
  });

  return {
    // The state changed (the view's one subscription calls this).
    onState(changed) { if (changed.includes('alpha')) syncAlpha(); },
    // The chapter's network is loaded: learn the stored examples once each.
    async start() {
      let stored = [];
      try { stored = await loadExamples(); } catch (error) {
        message(`Your stored digits could not be read (${error.message}).`, true);
      }
      if (!alive) return;
      examples = stored;
      if (examples.length) {
        try {
          replay(examples, undefined, null);
          message(`Relearned your ${digits(examples.length)} kept in this browser, each once, in order, at its own alpha.`);
        } catch (error) {
          message(`Your stored digits could not be learned again: ${error.message}`, true);
        }
      }
      ready = true;
      box.dataset.teach = 'ready';
      count();
    },
    // The reading changed: teaching needs a drawing and the chapter's network.
    update(out) {
      const can = ready && Boolean(out?.hasInk && out.linear);
      for (const b of buttons) b.disabled = !can;
    },
    destroy() {
      alive = false;
    },
  };
}
