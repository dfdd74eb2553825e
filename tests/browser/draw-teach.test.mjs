// Draw, issue 15's page half, in Chromium: the chapter's network leads; tapping
// (or pressing Enter on) any digit's bar, in either chart, shows that digit's
// pixel x weight map with its sum = the score, and "why A and not B"; teaching
// a misread 4 three times moves the chapter's reading of that drawing towards
// 4 (its score for 4 rises, its rank improves); export, reset and import
// round-trip the learner's examples, and a reload relearns them from IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startBrowser, screenshot } from './harness.mjs';
import { DIGITS, VARIANTS, place } from './strokes/digits.mjs';
import { devtools, drawStrokes, settledReading } from './draw-input.mjs';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

const BIG = { size: 0.75, cx: 0.5, cy: 0.5, slant: 0 };
const four = DIGITS.filter((d) => d.digit === 4);

async function openDraw(query = '', width = 1280, height = 800) {
  const page = await browser.open(`/?s=draw${query}`, { width, height });
  await page.waitForSelector('.draw[data-cnn-model="ready"][data-linear-model="ready"][data-teach="ready"]');
  return page;
}

// The picked map's pixels (RGBA of the 28x28 canvas), to see it change.
const mapPixels = (page, sel) => page.locator(sel).evaluate((c) => Array.from(c.getContext('2d').getImageData(0, 0, 28, 28).data));
const barValue = (page, chart, d) => page.locator(`${chart} .bar-row[data-d="${d}"] .bar-value`).textContent();

test('the chapter\'s network leads, and any bar (click or key, either chart) shows its digit\'s map', async () => {
  const page = await openDraw();
  const cdp = await devtools(page);
  // the answer panel is the chapter's network; the CNN is beside it, "beyond this chapter"
  assert.match(await page.locator('.draw-answer h2').textContent(), /chapter's network/);
  assert.match(await page.locator('.draw-cnn h2').textContent(), /stronger reader, beyond this chapter/);
  assert.match(await page.locator('.draw-cnn').textContent(), /convolution/i);
  await drawStrokes(page, cdp, place(four[0].strokes, BIG));
  const r = await settledReading(page);
  assert.match(r.linear, /^\d$/);
  assert.equal((await page.locator('.linear-digit').textContent()).trim(), r.linear);
  assert.equal(r.pick, r.linear, 'before any tap the map is the answer\'s');

  // tap digit 9's bar in the chapter's chart
  const first = await mapPixels(page, '.why-pick');
  await page.click('.bars-linear .bar-row[data-d="9"]');
  let now = await settledReading(page);
  assert.equal(now.pick, '9');
  assert.equal(await page.locator('.bars-linear .bar-row[data-d="9"]').getAttribute('aria-pressed'), 'true');
  const caption = await page.locator('.why-pick-caption').textContent();
  assert.match(caption, /^9: pixel × weight, sum (-?\d+\.\d\d) = its score$/);
  assert.equal(caption.match(/sum (-?\d+\.\d\d)/)[1], (await barValue(page, '.bars-linear', 9)).trim(), 'the map sums to the bar\'s score');
  assert.notDeepEqual(await mapPixels(page, '.why-pick'), first, 'the map changed');
  if (r.linear !== '9') {
    assert.equal(now.why, `${r.linear}-9`);
    assert.match(await page.locator('.why-diff-caption').textContent(), new RegExp(`^why ${r.linear} and not 9: `));
  }

  // the keyboard: focus 7's bar and press Enter; then two chosen digits
  await page.focus('.bars-linear .bar-row[data-d="7"]');
  await page.keyboard.press('Enter');
  now = await settledReading(page);
  assert.equal(now.pick, '7');
  await page.selectOption('.why-other', '2');
  now = await settledReading(page);
  assert.equal(now.why, '7-2');
  const diff = await page.locator('.why-diff-caption').textContent();
  const m = diff.match(/^why 7 and not 2: 7's map − 2's, sum (-?\d+\.\d\d) = (-?\d+\.\d\d) − (-?\d+\.\d\d)$/);
  assert.ok(m, diff);
  assert.equal(m[2], (await barValue(page, '.bars-linear', 7)).trim());
  assert.equal(m[3], (await barValue(page, '.bars-linear', 2)).trim());
  assert.ok(Math.abs(Number(m[1]) - (Number(m[2]) - Number(m[3]))) <= 0.011, 'the difference sums to the score difference');
  await page.selectOption('.why-other', 'auto');

  // a CNN bar shows the chapter's network's map for that digit, labelled so
  await page.click('.bars-cnn .bar-row[data-d="3"]');
  now = await settledReading(page);
  assert.equal(now.pick, '3');
  assert.match(await page.locator('.why-pick-caption').textContent(), /^3: .*the chapter's network's map; the CNN has no such sum/);
  assert.equal(await page.locator('.bars-cnn .bar-row[data-d="3"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.bars-linear .bar-row[data-d="7"]').getAttribute('aria-pressed'), 'false');
  // the tapped map is in view without scrolling, and not under the sticky top bar
  const seen = await page.locator('.why-pick').evaluate((c) => {
    const b = c.getBoundingClientRect();
    const bar = document.querySelector('.top');
    const under = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
    return { top: b.top, bottom: b.bottom, under, height: innerHeight };
  });
  assert.ok(seen.top >= seen.under && seen.bottom <= seen.height, `the map is in view: ${JSON.stringify(seen)}`);
  await cdp.detach();
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Draws 4s (styles x variants) until the chapter's network reads one wrong.
async function drawMisreadFour(page, cdp) {
  for (const variant of [BIG, ...VARIANTS]) {
    for (const d of four) {
      await page.locator('canvas.pad').press('Escape');
      await drawStrokes(page, cdp, place(d.strokes, variant));
      const r = await settledReading(page);
      if (r.linear !== '4') return { style: d.style, variant, read: r.linear };
    }
  }
  throw new Error('the chapter\'s network read every drawn 4 right: no misread 4 to teach');
}

test('teaching a misread 4 three times moves the reading towards 4; export, reset, import and reload keep the examples', async () => {
  const page = await openDraw('&alpha=0.002', 375, 812);
  page.on('dialog', (d) => d.accept());
  const cdp = await devtools(page);
  assert.equal(await page.locator('.teach-alpha-value').textContent(), '0.002', 'alpha from the state');
  assert.equal((await settledReading(page)).examples, '0');
  assert.ok(await page.locator('.teach-digit').first().isDisabled(), 'nothing to teach before a drawing');
  await page.locator('canvas.pad').scrollIntoViewIfNeeded();
  const found = await drawMisreadFour(page, cdp);
  const shipped = await page.locator('.bars-linear .bar-value').allTextContents();
  const startRank = 1 + shipped.map(Number).filter((v) => v > Number(shipped[4])).length;
  console.log(`# a drawn 4 (style ${found.style}) the chapter's network reads as ${found.read}; rank of 4: ${startRank}`);

  let score = Number(shipped[4]);
  let rank = startRank;
  for (let k = 0; k < 3; k++) {
    await page.click('.teach-digit[data-d="4"]');
    const r = await settledReading(page);
    assert.equal(r.taught, '4');
    assert.equal(Number(r.teachRankBefore), rank);
    assert.ok(Number(r.teachScore) > score, `score for 4 rose: ${score} -> ${r.teachScore}`);
    assert.ok(Number(r.teachRank) <= rank);
    score = Number(r.teachScore);
    rank = Number(r.teachRank);
    assert.equal(r.examples, String(k + 1));
    // the result is in view right after the press
    assert.ok(await page.locator('.teach-result').evaluate((el) => {
      const b = el.getBoundingClientRect();
      return b.top >= 0 && b.bottom <= innerHeight;
    }), 'the teach result is in view');
  }
  console.log(`# taught three times at alpha 0.002: rank ${startRank} -> ${rank}, score ${shipped[4]} -> ${score.toFixed(3)}`);
  assert.ok(rank < startRank, 'its rank improved');
  assert.equal((await page.locator('.bars-linear .bar-value').nth(4).textContent()).trim(), score.toFixed(2), 'the bars show the new reading');
  assert.match(await page.locator('.teach-summary').textContent(), /Taught a 4 at alpha 0\.002/);
  // the three examples are the same drawing: all read right if it now reads 4, else none
  const right = (await settledReading(page)).right;
  const reads = (await page.locator('.teach-reads').textContent()).trim();
  assert.equal(right, reads === '4' ? '3' : '0');
  assert.equal(await page.locator('.teach-count').textContent(), `Your digits: ${right} of 3 read right.`);
  await screenshot(page, 'draw-teach-375');

  // export
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.teach-export')]);
  const text = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.format, 'weightlab-digits');
  assert.deepEqual(file.examples.map((e) => [e.label, e.alpha]), [[4, 0.002], [4, 0.002], [4, 0.002]]);
  assert.equal(file.examples[0].image.length, 784);

  // reset: no examples, the shipped weights (the same drawing reads as before teaching)
  await page.click('.teach-reset');
  let r = await settledReading(page);
  assert.equal(r.examples, '0');
  assert.match(await page.locator('.teach-count').textContent(), /none taught yet/);
  assert.deepEqual(await page.locator('.bars-linear .bar-value').allTextContents(), shipped);

  // import: the same three examples, learned once each
  await page.setInputFiles('.teach-import', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction(() => document.querySelector('.draw').dataset.examples === '3');
  assert.match(await page.locator('.teach-message').textContent(), /Imported 3 digits from mine\.json/);
  const taught = await page.locator('.bars-linear .bar-value').allTextContents();
  assert.equal(taught[4], score.toFixed(2), 'the network is the taught one again');
  const [again] = await Promise.all([page.waitForEvent('download'), page.click('.teach-export')]);
  assert.equal(await readFile(await again.path(), 'utf8'), text, 'export -> reset -> import -> export is the same file');

  // a bad file is refused with a message, and changes nothing
  await page.setInputFiles('.teach-import', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"weightlab-digits","version":1,"examples":[{"label":12,"alpha":0.1,"image":[]}]}') });
  await page.waitForFunction(() => /Could not import bad\.json/.test(document.querySelector('.teach-message').textContent));
  assert.equal((await settledReading(page)).examples, '3');

  // reload: the examples come back from IndexedDB and are learned again: the
  // same count read right, and the same drawing gets the taught scores
  await page.reload();
  await page.waitForSelector('.draw[data-linear-model="ready"][data-teach="ready"]');
  r = await settledReading(page);
  assert.equal(r.examples, '3');
  assert.equal(r.right, right, 'as many read right after the reload');
  assert.match(await page.locator('.teach-message').textContent(), /Relearned your 3 digits/);
  assert.equal(await page.locator('.teach-count').textContent(), `Your digits: ${right} of 3 read right.`);
  await page.locator('canvas.pad').scrollIntoViewIfNeeded();
  await drawStrokes(page, cdp, place(four.find((d) => d.style === found.style).strokes, found.variant));
  await settledReading(page);
  assert.deepEqual(await page.locator('.bars-linear .bar-value').allTextContents(), taught, 'the relearned network reads the drawing as the taught one did');
  await page.click('.teach-reset');
  assert.equal((await settledReading(page)).examples, '0');
  await cdp.detach();
  assert.deepEqual(page.problems, []);
  await page.close();
});
