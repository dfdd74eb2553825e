// Predict, then check, and values never readable too early: what a phase has
// not computed is absent from the page (normal mode too); with quiz=1 the
// current phase waits for a guess, Check accepts a right one and rejects a
// wrong one (the right values come from the engine's trace, in the test);
// the phase pills never move the controls; freezing every weight says that
// nothing can learn; one note per misprinted figure; the book's indices.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, screenshot, makeCharts } from './harness.mjs';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

async function openLesson(query, size = { width: 1280, height: 800 }) {
  const page = await browser.open(`/?${query}`, size);
  await page.waitForSelector('.lesson svg.diagram');
  await makeCharts(page);
  return page;
}

// The engine's iteration `it` of a lesson's book example, every field printed
// with the page's own format (so the test looks for the page's spelling).
async function engineStep(page, id, it = 0, patch = {}) {
  return page.evaluate(async ({ id, it, patch }) => {
    const engine = await window.weightlab;
    const { fmt } = await import('/js/common/format.js');
    const trace = engine.run({ ...engine.example(id), ...patch });
    const nW = trace.nIn * trace.nOut;
    const slice = (a, n) => Array.from(a.subarray(it * n, (it + 1) * n));
    const raw = {
      pred: slice(trace.pred, trace.nOut), error: slice(trace.error, trace.nOut), delta: slice(trace.delta, trace.nOut),
      weightDeltas: slice(trace.weightDeltas, nW), weightsAfter: slice(trace.weightsAfter, nW),
    };
    const text = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.map((x) => fmt(x))]));
    return { raw, text };
  }, { id, it, patch });
}

// The page's text outside the charts (the error curves draw the error as a
// function of each weight: that picture is the landscape, not a phase's
// result) and outside the book's code errata (the book's own lines).
const pageText = (page) => page.evaluate(() => {
  const lesson = document.querySelector('.lesson').cloneNode(true);
  lesson.querySelectorAll('.charts-panel, .errata-panel').forEach((el) => el.remove());
  return lesson.textContent;
});
const matrixText = (page, role) => page.evaluate((role) =>
  [...document.querySelectorAll(`table[data-role="${role}"] tbody td`)].map((td) => td.textContent).join(' '), role);
const cells = (page, table, col) => page.evaluate(({ table, col }) =>
  [...document.querySelectorAll(`table.numbers.${table} tbody tr`)].map((tr) => tr.cells[col].textContent), { table, col });

test('normal mode: what a phase has not computed is absent from the page, not greyed', async () => {
  for (const width of [375, 1280]) {
    const page = await openLesson('s=multi-input&ph=predict', { width, height: 812 });
    const { text } = await engineStep(page, 'multi-input');
    const shown = await pageText(page);
    for (const v of [...text.error, ...text.delta, ...text.weightDeltas, ...text.weightsAfter]) {
      assert.ok(!shown.includes(v), `${v} is not on the page at Predict (${width} px)`);
    }
    assert.ok(shown.includes(text.pred[0]), 'pred is');
    assert.deepEqual(await cells(page, 'outputs', 3), ['?not computed yet']);
    assert.deepEqual(await cells(page, 'weights', 4), ['?not computed yet', '?not computed yet', '?not computed yet']);
    await page.close();
  }
  // The 3x3: no new weight in the matrix while the weight_deltas are shown; then the engine's.
  const page = await openLesson('s=multi-in-out&ph=learn');
  const step = await engineStep(page, 'multi-in-out');
  await page.waitForSelector('.wl-matrix-wrap[data-state="done"]');
  assert.doesNotMatch(await matrixText(page, 'after'), /\d/);
  assert.match(await matrixText(page, 'outer'), /3\.868/);
  const shown = await pageText(page);
  for (const v of step.text.weightsAfter.filter((v) => v !== '0' && v !== '0.1')) assert.ok(!shown.includes(v), `${v} absent`);
  await page.click('.player button[data-act="next"]');
  await page.waitForFunction(() => document.querySelector('table[data-role="after"] td[data-value]'));
  const after = await page.evaluate(() => [...document.querySelectorAll('table[data-role="after"] tbody td[data-o]')].map((td) => td.textContent));
  assert.deepEqual(after, step.text.weightsAfter);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('predict then check: hidden until guessed, a right guess is accepted and a wrong one rejected, with the arithmetic', async () => {
  const page = await openLesson('s=multi-input&quiz=1');
  const { raw, text } = await engineStep(page, 'multi-input');
  assert.equal(await page.isChecked('[data-act="quiz"]'), true, 'the switch reads the link');
  // Predict: pred itself is absent (table, arithmetic, diagram, read-aloud) until checked.
  const hidden = await pageText(page);
  for (const v of [text.pred[0], ...text.error, ...text.delta, ...text.weightDeltas]) assert.ok(!hidden.includes(v), `${v} hidden`);
  assert.match(await page.textContent('.arith'), /= \?/);
  assert.equal(await page.locator('input[data-guess]').count(), 1);
  // A right guess: the engine's pred to the book's printed precision (0.86: 2 decimals).
  await page.fill('input[data-guess="0:pred:0"]', raw.pred[0].toFixed(2));
  await page.click('button[data-act="check"]');
  await page.waitForSelector('.quiz-verdicts li');
  assert.equal(await page.locator('.quiz-verdicts li.right').count(), 1);
  assert.match(await page.textContent('.quiz-verdicts'), /to 2 decimals, as the book prints 0\.86/);
  assert.match(await page.textContent('.arith'), new RegExp(`= ${text.pred[0].replace('.', '\\.')}$`));
  assert.equal((await cells(page, 'outputs', 2))[0], `${text.pred[0]}✓`);
  await screenshot(page, 'predict-checked-1280');

  // Compare: a wrong error (off by far more than the book's 3 decimals) and a right delta.
  await page.click('.player button[data-act="next"]');
  await page.waitForSelector('input[data-guess="0:error:0"]');
  assert.ok(!(await pageText(page)).includes(text.error[0]));
  await page.fill('input[data-guess="0:error:0"]', String(raw.error[0] + 0.05));
  await page.fill('input[data-guess="0:delta:0"]', String(raw.delta[0]));
  await page.press('input[data-guess="0:delta:0"]', 'Enter');
  await page.waitForSelector('.quiz-verdicts li');
  const verdicts = await page.evaluate(() => [...document.querySelectorAll('.quiz-verdicts li')].map((li) => [li.className, li.textContent]));
  assert.equal(verdicts.length, 2);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.role), 'quiz-status', 'the keyboard stays with the verdicts');
  assert.equal(verdicts[0][0], 'wrong');
  assert.match(verdicts[0][1], new RegExp(`engine gets ${text.error[0]}`));
  assert.equal(verdicts[1][0], 'right');
  assert.match(await page.textContent('.arith'), new RegExp(`error = \\(${text.delta[0]}\\)² = ${text.error[0]}`));

  // Learn: reveal without guessing.
  await page.click('.player button[data-act="next"]');
  await page.waitForSelector('input[data-guess="0:weightDeltas:0"]');
  assert.ok(!(await pageText(page)).includes(text.weightDeltas[0]));
  await page.click('button[data-act="reveal"]');
  await page.waitForFunction(() => !document.querySelector('input[data-guess]'));
  assert.deepEqual(await cells(page, 'weights', 3), text.weightDeltas);

  // The switch writes the link, both ways.
  await page.uncheck('[data-act="quiz"]');
  assert.equal(new URL(page.url()).searchParams.get('quiz'), null);
  await page.check('[data-act="quiz"]');
  assert.equal(new URL(page.url()).searchParams.get('quiz'), '1');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('predict then check on the 3x3: without a book figure a guess is checked to 2 significant digits, and says so', async () => {
  const page = await openLesson('s=multi-in-out&quiz=1&ph=update', { width: 375, height: 812 });
  const { raw, text } = await engineStep(page, 'multi-in-out');
  assert.doesNotMatch(await matrixText(page, 'after'), /\d/);
  assert.equal(await page.locator('input[data-guess^="0:weightsAfter:"]').count(), 9);
  // weights[2][1] (sad <- wlrec): right to 2 significant digits; weights[0][0] wrong.
  const v = raw.weightsAfter[7];
  await page.fill('input[data-guess="0:weightsAfter:7"]', v.toPrecision(2));
  await page.fill('input[data-guess="0:weightsAfter:0"]', String(raw.weightsAfter[0] + 0.01));
  await screenshot(page, 'predict-3x3-guessing-375');
  await page.click('button[data-act="check"]');
  await page.waitForSelector('.quiz-verdicts li');
  const r = await page.evaluate(() => [...document.querySelectorAll('.quiz-verdicts li')].map((li) => [li.className, li.textContent]));
  assert.deepEqual(r.map((x) => x[0]), ['wrong', 'right']);
  assert.match(r[1][1], /new weight wlrec → sad \[2\]\[1\]: you said/);
  assert.match(r[1][1], /to 2 significant digits: the book prints no figure for this/);
  const after = await page.evaluate(() => [...document.querySelectorAll('table[data-role="after"] tbody td[data-o]')].map((td) => td.textContent));
  assert.deepEqual(after, text.weightsAfter);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the phase pills never re-wrap the player: its height is the same in every phase at 375 and 1280', async () => {
  for (const [width, height] of [[375, 812], [1280, 800]]) {
    for (const s of ['multi-input', 'side-by-side', 'multi-in-out']) {
      for (const quiz of ['', '&quiz=1']) {
        const page = await openLesson(`s=${s}${quiz}`, { width, height });
        const heights = [];
        for (let k = 0; k < 4; k += 1) {
          heights.push(await page.evaluate(() => ({
            player: document.querySelector('.player').getBoundingClientRect().height,
            row: document.querySelector('table.numbers.weights tbody tr').getBoundingClientRect().height,
          })));
          await page.click('.player button[data-act="next"]');
        }
        assert.equal(new Set(heights.map((h) => h.player)).size, 1, `${s}${quiz} ${width}: ${JSON.stringify(heights)}`);
        assert.equal(new Set(heights.map((h) => h.row)).size, 1, `a row of numbers keeps its height, guess field or not: ${JSON.stringify(heights)}`);
        await page.close();
      }
    }
  }
});

test('freezing every weight says plainly that nothing can learn; one frozen weight does not', async () => {
  const page = await openLesson('s=freeze&fz=1,1,1');
  assert.match(await page.textContent('.numbers-panel'), /Every weight is frozen: nothing can learn/);
  await page.close();
  const one = await openLesson('s=freeze');
  assert.doesNotMatch(await one.textContent('.numbers-panel'), /nothing can learn/);
  await one.close();
});

test('numbers that do not confuse: one note per misprinted figure, the book\'s [o][i], tiny values as 0 with the exact value', async () => {
  // delta is printed right (-.14) on one page and without its sign (0.14) on another: one erratum, no ✓.
  const page = await openLesson('s=multi-input&ph=compare');
  const notes = await page.evaluate(() => ({
    errata: [...document.querySelectorAll('.figures .erratum')].map((e) => e.textContent),
    checks: [...document.querySelectorAll('.figures .check')].map((e) => e.textContent),
  }));
  assert.equal(notes.errata.filter((e) => /for delta/.test(e)).length, 1);
  assert.ok(!notes.checks.some((c) => /^delta/.test(c)), `no ✓ beside the delta erratum: ${notes.checks}`);
  await page.close();

  // The 3x3 as the book indexes it: weights[o][i], a row per output.
  const m = await openLesson('s=multi-in-out&ph=learn');
  const rows = await m.evaluate(() => [...document.querySelectorAll('table.numbers.weights tbody th')].map((th) => th.textContent));
  assert.match(rows[7], /wlrec → sad \[2\]\[1\]/);
  assert.match(await m.textContent('.figures'), /weight_deltas\[2\]\[1\] \.562/);
  assert.match(await m.textContent('table[data-role="weights"]'), /sad \[2\]/);
  await m.close();

  // Many steps: the error falls below what the page prints; it shows 0, exact on focus.
  const long = await openLesson('s=multi-input&n=10&it=10&ph=compare');
  const tiny = await long.evaluate(async () => {
    const engine = await window.weightlab;
    const trace = engine.run({ ...engine.example('multi-input'), iterations: 10 });
    const el = document.querySelector('table.numbers.outputs tbody td[data-field="error"] data.tiny');
    if (!el) return null;
    el.focus();
    return { text: el.textContent, value: Number(el.getAttribute('value')), title: el.title, engine: trace.error[9],
      focused: document.activeElement === el, after: getComputedStyle(el, '::after').content };
  });
  assert.ok(tiny, 'the error after 10 steps prints as a tiny value');
  assert.equal(tiny.text, '0');
  assert.equal(tiny.value, tiny.engine);
  assert.equal(tiny.title, `exactly ${tiny.engine}`);
  assert.ok(tiny.focused);
  assert.match(tiny.after, /e-/);
  assert.deepEqual(long.problems, []);
  await long.close();
});
