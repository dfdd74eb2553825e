// The lesson pages: every section draws its network and controls, stepping
// shows the book's numbers (computed by the engine), freezing and alpha change
// the run, the URL restores a view exactly, the keyboard steps, bad input is
// reported without breaking the page, and nothing reaches another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, screenshot } from './harness.mjs';

const SECTIONS = ['multi-input', 'side-by-side', 'steps', 'freeze', 'multi-output', 'multi-in-out'];

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

async function openLesson(query, size = {}) {
  const page = await browser.open(`/?${query}`, size);
  await page.waitForSelector('.lesson svg.diagram');
  return page;
}
const svgText = (page) => page.evaluate(() => [...document.querySelectorAll('.lesson svg.diagram text')].map((t) => t.textContent).join(' | '));
const mainText = (page) => page.evaluate(() => document.querySelector('main').innerText);
const current = (page) => page.evaluate(() => document.querySelector('.phases li.current')?.dataset.ph);
const query = (page) => new URL(page.url()).searchParams;

test('every lesson section renders its diagram, controls and numbers at 375 and 1280 px', async () => {
  for (const id of SECTIONS) {
    for (const width of [375, 1280]) {
      const page = await openLesson(`s=${id}`, { width, height: 900 });
      const info = await page.evaluate(() => ({
        diagrams: document.querySelectorAll('.lesson svg.diagram').length,
        edges: document.querySelectorAll('.lesson svg.diagram .edge').length,
        buttons: [...document.querySelectorAll('.player button')].map((b) => b.dataset.act),
        tables: document.querySelectorAll('.lesson table.numbers').length,
        fields: document.querySelectorAll('.settings input[type="number"]').length,
        unlabelled: [...document.querySelectorAll('.lesson input, .lesson select, .lesson button')]
          .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim())).length,
        scroll: document.documentElement.scrollWidth - innerWidth,
        live: document.querySelector('.lesson [aria-live="polite"]')?.textContent ?? '',
      }));
      const pair = id === 'side-by-side';
      assert.equal(info.diagrams, pair ? 2 : 1, `${id}: diagrams`);
      assert.ok(info.edges >= 1, `${id}: edges`);
      assert.deepEqual(info.buttons, ['restart', 'back', 'play', 'next'], `${id}: player`);
      assert.equal(info.tables, pair ? 4 : 2, `${id}: tables`);
      assert.ok(info.fields >= 5, `${id}: settings fields`);
      assert.equal(info.unlabelled, 0, `${id}: every control has a label`);
      assert.ok(info.scroll <= 0, `${id} at ${width}px: no horizontal scroll (${info.scroll}px too wide)`);
      assert.match(info.live, /Iteration 1, Predict/, `${id}: live region`);
      // Let the charts draw before the picture.
      await page.waitForTimeout(300);
      await screenshot(page, `lesson-${id}-${width}`);
      assert.deepEqual(page.problems, [], `${id} at ${width}px`);
      await page.close();
    }
  }
});

test('at 1280x800 the diagram and its player stay in view while the numbers, settings and charts scroll', async () => {
  for (const id of SECTIONS.filter((s) => s !== 'side-by-side')) {
    // Learning is where the stage is tallest (3x3: nine weight_delta lines).
    const page = await openLesson(`s=${id}&ph=learn`, { width: 1280, height: 800 });
    const box = () => page.evaluate(() => {
      const stage = document.querySelector('.stage').getBoundingClientRect();
      const bar = document.querySelector('.top').getBoundingClientRect();
      return { top: stage.top, bottom: stage.bottom, bar: bar.bottom };
    });
    // Scroll to the last place where the two columns still fill the window
    // (past it, the stage leaves with the end of its column, as sticky does).
    await page.evaluate(() => window.scrollTo(0, scrollY + document.querySelector('.lesson-grid').getBoundingClientRect().bottom - innerHeight));
    const b = await box();
    assert.ok(b.top >= b.bar && b.bottom <= 800, `${id}: the stage spans ${b.top}-${b.bottom}px, under a bar ending at ${b.bar}px`);
    // and clicking Next down there still steps the diagram
    await page.click('.player button[data-act="next"]');
    assert.equal(await current(page), 'update', id);
    await page.close();
  }
  // Phones keep one column; only the compact stage (diagram, player, this phase's line) sticks (stage.test.mjs).
  const phone = await openLesson('s=steps', { width: 375, height: 800 });
  assert.equal(await phone.evaluate(() => getComputedStyle(document.querySelector('.stage-top')).position), 'sticky');
  await phone.close();
});

test('stepping through example 2 shows the book\'s numbers, phase by phase, on the diagram', async () => {
  const page = await openLesson('s=multi-input');
  assert.equal(await current(page), 'predict');
  let text = await svgText(page);
  assert.match(text, /0\.86\b/);
  assert.doesNotMatch(text, /error/);                    // COMPARE not revealed yet
  await page.click('[data-act="next"]');
  assert.equal(await current(page), 'compare');
  text = await svgText(page);
  assert.match(text, /error 0\.0196/);                  // the book's .020
  assert.match(text, /delta -0\.14\b/);
  await page.click('[data-act="next"]');
  text = await svgText(page);
  for (const n of ['Δ -1.19', 'Δ -0.091', 'Δ -0.168']) assert.ok(text.includes(n), `LEARN shows ${n}`);
  // ... and writes the multiplication out as the book does (8.5 * -0.14 = -1.19).
  assert.match(await page.textContent('[data-role="arith"]'), /weight_delta toes = \(-0\.14\) × 8\.5 = -1\.19/);
  await page.click('[data-act="next"]');
  text = await svgText(page);
  for (const n of ['0.1119', '0.2009', '-0.0983']) assert.ok(text.includes(n), `new weights show ${n}`);
  assert.equal(query(page).get('ph'), 'update');
  // The code panel highlights the update line.
  assert.match(await page.textContent('pre.code .line.current'), /weights -= alpha \* weight_deltas/);
  // On to iteration 2: the book's .964 and -.31.
  await page.click('[data-act="next"]');
  assert.equal(query(page).get('it'), '2');
  assert.match(await svgText(page), /0\.9638/);
  // Step back returns to iteration 1's new weights.
  await page.click('[data-act="back"]');
  assert.match(await svgText(page), /0\.1119/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('freezing a weight keeps it fixed through the run and changes the other numbers', async () => {
  const page = await openLesson('s=multi-input&it=3&ph=update');
  const before = await mainText(page);
  await page.click('.edge-label[data-index="0"]');        // freeze toes by its label on the diagram
  assert.equal(query(page).get('fz'), '1,0,0');
  assert.equal(await page.isChecked('input[data-key="frozen"][data-k="0"]'), true);
  const row = await page.evaluate(() => [...document.querySelectorAll('.weights tbody tr')[0].cells].map((c) => c.textContent));
  assert.match(row[0], /frozen/);
  assert.equal(row[2], '0.1');                            // toes' weight before iteration 3 is still 0.1
  assert.equal(row[3], '0');                              // its weight_delta is 0
  assert.equal(row[4], '0.1');                            // and it stays 0.1
  assert.notEqual(await mainText(page), before, 'numbers change when a weight is frozen');
  // The freeze section starts with a frozen; unfreezing it via the checkbox works too.
  const freeze = await openLesson('s=freeze&it=3&ph=update');
  assert.equal(await freeze.isChecked('input[data-key="frozen"][data-k="0"]'), true);
  assert.match(await svgText(freeze), /^0\.1 \|/);         // the first edge label: a, still 0.1
  await freeze.check('input[data-key="frozen"][data-k="1"]');
  assert.equal(query(freeze).get('fz'), '1,1,0');
  await freeze.uncheck('input[data-key="frozen"][data-k="0"]');
  assert.equal(query(freeze).get('fz'), '0,1,0');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(freeze.problems, []);
  await page.close();
  await freeze.close();
});

test('alpha 0.1 shows the diverged state; an overflowing run shows only finite steps; never NaN', async () => {
  const page = await openLesson('s=steps');
  await page.fill('input[data-key="alpha"]', '0.1');
  await page.waitForSelector('.banner.diverged');
  const banner = await page.textContent('.banner.diverged');
  assert.match(banner, /diverged/i);
  assert.match(banner, /toes/);                          // the large input is named
  assert.match(banner, /×41/);                           // 0.0196 -> 0.8056 in one step
  assert.equal(query(page).get('alpha'), '0.1');
  await page.fill('input[data-key="iterations"]', '1000');   // the page's most; it overflows after ~190
  await page.waitForSelector('.banner.overflowed');
  await page.press('[data-act="scrub"]', 'End');
  const text = await mainText(page);
  assert.match(text, /Overflow/);
  assert.doesNotMatch(text, /NaN|Infinity/);
  assert.match(await page.textContent('[data-role="position"]'), /^\d+ of \d+$/);
  await screenshot(page, 'lesson-diverged-1280');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a URL round trip restores the same view and numbers', async () => {
  const page = await openLesson('s=multi-in-out');
  await page.fill('input[data-key="weights"][data-k="4"]', '0.25');
  await page.fill('input[data-key="alpha"]', '0.02');
  await page.check('input[data-key="frozen"][data-k="2"]');
  await page.click('[data-act="next"]');
  await page.click('[data-act="next"]');
  await page.click('[data-act="next"]');
  await page.click('[data-act="next"]');
  await page.click('[data-act="next"]');                  // iteration 2, compare
  const q = query(page);
  assert.equal(q.get('it'), '2');
  assert.equal(q.get('ph'), 'compare');
  assert.equal(q.get('alpha'), '0.02');
  assert.equal(q.get('fz'), '0,0,1,0,0,0,0,0,0');
  const snapshot = async (p) => ({
    numbers: await p.textContent('.numbers-panel'), diagram: await svgText(p),
    w4: await p.inputValue('input[data-key="weights"][data-k="4"]'), phase: await current(p),
  });
  const want = await snapshot(page);
  const again = await openLesson(new URL(page.url()).search.slice(1));
  assert.deepEqual(await snapshot(again), want);
  assert.equal(want.w4, '0.25');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(again.problems, []);
  await page.close();
  await again.close();
});

test('the keyboard steps and plays; the live region tells what happened', async () => {
  const page = await openLesson('s=multi-output');
  await page.click('h1');
  await page.keyboard.press('ArrowRight');
  assert.equal(await current(page), 'compare');
  assert.match(await page.textContent('[data-role="announce"]'), /Compare.*delta/);
  await page.keyboard.press('ArrowRight');
  assert.equal(await current(page), 'learn');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await current(page), 'compare');
  await page.keyboard.press(' ');
  assert.equal(await page.textContent('[data-act="play"]'), 'Pause');
  await page.keyboard.press(' ');
  assert.equal(await page.textContent('[data-act="play"]'), 'Play');
  // Arrow keys inside a number field edit the field, not the step.
  const phase = await current(page);
  await page.focus('input[data-key="alpha"]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await current(page), phase);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('with reduced motion there are no transitions, and play still steps', async () => {
  const page = await browser.open('/?s=multi-input&sp=fast', { width: 1280, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.waitForSelector('.lesson svg.diagram');
  const duration = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.diagram .edge')).transitionDuration));
  assert.ok(duration < 0.001, `edge transition ${duration}s`);
  assert.equal(await page.inputValue('[data-act="speed"]'), 'fast');
  await page.click('[data-act="play"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('ph') === 'learn', null, { timeout: 5000 });
  await page.click('[data-act="play"]');                  // pause
  const at = page.url();
  await page.waitForTimeout(600);
  assert.equal(page.url(), at, 'paused: no more steps');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('an invalid edit shows the engine\'s message and the page keeps working', async () => {
  const page = await openLesson('s=multi-input&ph=compare');
  await page.fill('input[data-key="input"][data-k="0"]', '');
  await page.waitForSelector('#status.error');
  assert.match(await page.textContent('#status'), /input\[0\] must be a finite number/);
  assert.equal(await page.getAttribute('input[data-key="input"][data-k="0"]', 'aria-invalid'), 'true');
  assert.match(await svgText(page), /0\.86/);             // the last good view stays
  assert.equal(query(page).get('x'), null);               // and the URL keeps the last good problem
  await page.click('[data-act="next"]');
  assert.equal(await current(page), 'learn');
  await page.fill('input[data-key="input"][data-k="0"]', '4');
  assert.equal(await page.textContent('#status'), '');
  assert.equal(query(page).get('x'), '4,0.65,1.2');
  await page.click('.reset-values');
  assert.equal(query(page).get('x'), null);
  assert.equal(await page.inputValue('input[data-key="input"][data-k="0"]'), '8.5');
  assert.doesNotMatch(await mainText(page), /NaN/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('side by side: one position drives both networks; errata show where the book slips', async () => {
  const page = await openLesson('s=side-by-side&ph=learn');
  const text = await svgText(page);
  assert.match(text, /Δ -1\.275/);                          // single input: 8.5 x -0.15
  assert.match(text, /Δ -1\.19/);                           // several inputs
  const notes = await page.textContent('.figures');
  assert.match(notes, /-1\.25/);                            // the book's slip, with the right value
  assert.match(notes, /-1\.275/);
  assert.ok(await page.locator('.figures .erratum').count() >= 1);
  // Error curves for both: one for the single weight, three for the three; the
  // single input's slope is 2 x its weight_delta, the same -1.275, printed as
  // the diagram prints it (one number format on the page).
  await page.waitForFunction(() => document.querySelectorAll('.wl-curve-read').length === 4);
  const reads = await page.evaluate(() => [...document.querySelectorAll('[data-role="curves"]')]
    .map((el) => [...el.querySelectorAll('.wl-curve-read')].map((r) => r.textContent)));
  assert.deepEqual(reads.map((r) => r.length), [1, 3]);
  assert.match(reads[0][0], /slope 2 × \(-1\.275\) = -2\.55(?![\d])/);
  assert.match(reads[1][0], /slope 2 × \(-1\.19\) = -2\.38(?![\d])/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('one number format: the weight matrix prints each weight as the numbers table does', async () => {
  const page = await openLesson('s=multi-in-out&it=2&ph=update', { width: 1280, height: 900 });
  await page.waitForSelector('.wl-matrix-wrap[data-state="done"]');
  const r = await page.evaluate(() => ({
    table: [...document.querySelectorAll('table.numbers.weights tbody tr')].map((tr) => tr.cells[2].textContent),
    matrix: [...document.querySelectorAll('table[data-role="weights"] tbody td[data-o]')].map((td) => td.textContent),
    after: [...document.querySelectorAll('table.numbers.weights tbody tr')].map((tr) => tr.cells[4].textContent),
    matrixAfter: [...document.querySelectorAll('table[data-role="after"] tbody td[data-o]')].map((td) => td.textContent),
  }));
  assert.equal(r.table.length, 9);
  assert.deepEqual(r.matrix, r.table, 'weights before the step');
  assert.deepEqual(r.matrixAfter, r.after, 'weights after the step');
  assert.ok(r.table.every((t) => !/\.\d*0$/.test(t)), `no trailing zeros: ${r.table}`);
  assert.deepEqual(page.problems, []);
  await page.close();
});
