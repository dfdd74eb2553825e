// Issue 14 (B): dot products from scratch (the toy vectors, computed by the
// engine), 28x28 -> 784, one image at a time (the step is exactly
// -alpha x delta x image), the live grid of test predictions (click one to
// open it in Dot products), and Dot products' pixel readout (input x weight
// = the engine's contribution). Screenshots of each part at 375 and 1280.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, screenshot, settled } from './harness.mjs';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

// In the page: the engine and a dataset made from the site's file.
const IN_PAGE = `
  window.__engine = await window.weightlab;
  window.__data = async (url) => window.__engine.Dataset.fromBytes(new Uint8Array(await new Response((await fetch(url)).body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()));
`;
const prepare = (page) => page.evaluate(`(async () => { ${IN_PAGE} })()`);

test('the toy dot products are the engine\'s, place by place and for every pair, and follow an edit', async () => {
  const page = await browser.open('/?s=vectors', { width: 1280, height: 800 });
  await settled(page, 'vectors');
  await prepare(page);
  const check = () => page.evaluate(() => {
    const e = window.__engine;
    const vec = (n) => [...document.querySelectorAll(`#vec-edit input[data-v="${n}"]`)].map((f) => Number(f.value));
    const out = { cells: 0, bad: [] };
    for (const b of document.querySelectorAll('.vec-cell')) {
      const [x, y] = [vec(b.dataset.x), vec(b.dataset.y)];
      const engine = e.dot(x, y);
      const byHand = x.reduce((s, v, i) => s + v * y[i], 0);
      if (Number(b.dataset.dot) !== engine || Math.abs(engine - byHand) > 1e-12) out.bad.push([b.dataset.x, b.dataset.y, b.dataset.dot, engine, byHand]);
      out.cells += 1;
    }
    const pair = [document.querySelector('#vec-x').value, document.querySelector('#vec-y').value];
    out.pair = pair;
    out.sum = Number(document.querySelector('#vec-sum strong').dataset.dot);
    out.engineSum = e.dot(vec(pair[0]), vec(pair[1]));
    out.products = [...document.querySelectorAll('#vec-pair .vec-products td')].map((td) => td.textContent);
    out.engineProducts = Array.from(e.elementwise(vec(pair[0]), vec(pair[1])));
    out.a = vec('a');
    return out;
  });
  let r = await check();
  assert.equal(r.cells, 25);
  assert.deepEqual(r.bad, []);
  assert.deepEqual(r.a, [0, 1, 0, 1], "the book's a");
  assert.deepEqual(r.pair, ['a', 'b']);
  assert.equal(r.sum, r.engineSum);
  assert.equal(r.sum, 0, 'a and b share no place');
  assert.deepEqual(r.products.map(Number), r.engineProducts);
  await screenshot(page, 'vectors-1280');

  // Pick c · d from the table, then edit d[1] to 3: both follow, still the engine's.
  await page.click('.vec-cell[data-x="c"][data-y="d"]');
  await page.fill('#vec-edit input[data-v="d"][data-k="1"]', '3');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('vd') === '0.5,3,0.5,0');
  r = await check();
  assert.deepEqual(r.pair, ['c', 'd']);
  assert.deepEqual(r.bad, []);
  assert.equal(r.sum, r.engineSum);
  assert.deepEqual(r.products.map(Number), r.engineProducts);
  assert.match(await page.textContent('#vec-sum'), /c · d = 0 \+ 3 \+ 0\.5 \+ 0 = 3\.5/);

  // Bad input is a clear Error, and the engine keeps working.
  const errors = await page.evaluate(() => {
    const e = window.__engine;
    const msg = (f) => { try { f(); return 'no error'; } catch (error) { return error instanceof Error ? error.message : String(error); } };
    return [msg(() => e.dot([1, 2], [1])), msg(() => e.dot([1, NaN], [1, 2])), msg(() => e.elementwise('ab', [1])), e.dot([2, 3], [4, 5])];
  });
  assert.match(errors[0], /same length/);
  assert.match(errors[1], /finite/);
  assert.match(errors[2], /array of numbers/);
  assert.equal(errors[3], 23);

  // The weights for 2: a 2 scores higher than another digit; the scores shown are the engine's.
  await page.waitForSelector('.vec-row[data-index]');
  const two = await page.evaluate(async () => {
    const e = window.__engine;
    const net = new e.LinearNetwork(1);
    net.loadModel(new Uint8Array(await (await fetch('models/chapter-linear.wlm')).arrayBuffer()));
    const data = await window.__data('data/mnist-train-1000.wld.gz');
    const rows = [...document.querySelectorAll('.vec-row')].map((row) => {
      const i = Number(row.dataset.index);
      return { label: data.label(i), shown: Number(row.querySelector('[data-score]').dataset.score), engine: net.predictImage(data, i)[2] };
    });
    net.delete();
    data.delete();
    return rows;
  });
  assert.equal(two.length, 2);
  assert.equal(two[0].label, 2);
  assert.equal(two[1].label, 1, 'compared with a 1 by default');
  for (const row of two) assert.equal(row.shown, row.engine);
  assert.ok(two[0].shown > two[1].shown + 0.3, `the 2 scores ${two[0].shown}, the 1 ${two[1].shown}`);
  await page.setViewportSize({ width: 375, height: 812 });
  await screenshot(page, 'vectors-375');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('one image at a time: a step moves every weight by exactly -alpha x delta x image', async () => {
  const page = await browser.open('/?s=mnist&alpha=0.005', { width: 1280, height: 800 });
  await settled(page, 'mnist');
  await prepare(page);
  await page.waitForFunction(() => /Training digit 1 of 1,000/.test(document.querySelector('#deep-one-caption').textContent));
  // The engine's own step on a fresh network: the formula, for every class and pixel.
  const formula = await page.evaluate(async () => {
    const e = window.__engine;
    const data = await window.__data('data/mnist-train-1000.wld.gz');
    const net = new e.LinearNetwork(1);
    const alpha = 0.005, i = 0;
    const before = net.weights();
    const pred = net.predictImage(data, i);
    net.trainRange(data, i, i + 1, alpha);
    const after = net.weights();
    const input = data.input(i);
    const pixels = data.images(i, i + 1);
    const label = data.label(i);
    let worst = 0, moved = 0, inputOk = true;
    for (let k = 0; k < 784; k++) if (input[k] !== pixels[k] / 255) inputOk = false;
    for (let c = 0; c < 10; c++) {
      const delta = pred[c] - (c === label ? 1 : 0);
      for (let k = 0; k < 784; k++) {
        const change = after[c * 784 + k] - before[c * 784 + k];
        const want = -alpha * delta * input[k];
        worst = Math.max(worst, Math.abs(change - want));
        if (change !== 0) moved += 1;
      }
    }
    // stepImage reports the same pred and delta and makes the same step.
    const twin = new e.LinearNetwork(1);
    const step = twin.stepImage(data, i, alpha);
    const same = Array.from(twin.weights()).every((w, k) => w === after[k]);
    const deltas = Array.from(step.delta);
    const expected = Array.from(pred, (p, c) => p - (c === label ? 1 : 0));
    net.delete(); twin.delete(); data.delete();
    return { worst, moved, inputOk, same, deltas, expected, label };
  });
  assert.ok(formula.inputOk, 'data.input is pixel / 255');
  assert.ok(formula.worst < 1e-15, `weightsAfter - weightsBefore vs -alpha*delta*input: worst difference ${formula.worst}`);
  assert.ok(formula.moved > 100, `${formula.moved} weights moved`);
  assert.ok(formula.same, 'stepImage makes the same step as trainRange');
  assert.deepEqual(formula.deltas, formula.expected);

  // The page's step shows that delta, and its change images are the image's shape.
  const hash = () => page.evaluate(() => [...document.querySelectorAll('#deep-one-rows canvas')].map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, 28, 28).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 3) h = (h * 31 + d[i]) >>> 0;
    return h;
  }).join());
  const beforeHash = await hash();
  await page.click('#deep-step');
  await page.waitForFunction(() => document.querySelector('#deep-one-rows').dataset.steps === '1');
  const shown = await page.evaluate(() => {
    const deltas = [...document.querySelectorAll('#deep-one-rows td[data-delta]')].map((td) => Number(td.dataset.delta));
    const rows = document.querySelectorAll('#deep-one-rows tr');
    // The change image of the labelled class: coloured exactly where the digit has ink.
    const label = [...rows].findIndex((tr) => tr.classList.contains('best'));
    const change = rows[label].querySelectorAll('canvas')[1].getContext('2d').getImageData(0, 0, 28, 28).data;
    const tinted = [];
    for (let k = 0; k < 784; k++) tinted.push(!(change[4 * k] > 250 && change[4 * k + 1] > 250 && change[4 * k + 2] > 250));
    return { deltas, label, tinted, image: document.querySelector('#deep-one-rows').dataset.image, alpha: document.querySelector('#deep-one-rows').dataset.alpha };
  });
  assert.equal(shown.image, '0');
  assert.equal(shown.alpha, '0.005');
  assert.deepEqual(shown.deltas, formula.expected);
  assert.equal(shown.label, formula.label);
  const ink = await page.evaluate(async () => Array.from((await window.__data('data/mnist-train-1000.wld.gz')).images(0, 1), (p) => p > 0));
  const mismatched = shown.tinted.filter((t, k) => t && !ink[k]).length;
  assert.equal(mismatched, 0, 'the change is zero wherever the image is blank');
  assert.ok(shown.tinted.filter(Boolean).length > 50, 'and visible where it is inked');
  assert.notEqual(await hash(), beforeHash, 'the weight images changed');
  assert.match(await page.textContent('#deep-one-status'), /Step 1: learned digit 1/);

  // Slow mode: steps come by themselves at the chosen pace, and Pause stops them.
  await page.selectOption('#deep-pace', '10');
  await page.click('#deep-play');
  await page.waitForFunction(() => Number(document.querySelector('#deep-one-rows').dataset.steps) >= 4, null, { timeout: 5000 });
  await page.click('#deep-play');
  const stopped = await page.evaluate(() => document.querySelector('#deep-one-rows').dataset.steps);
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => document.querySelector('#deep-one-rows').dataset.steps), stopped);
  assert.equal(new URL(page.url()).searchParams.get('pace'), '10');
  await page.locator('.deep-one').screenshot({ path: new URL('../../test-results/screenshots/deeper-one-step-1280.png', import.meta.url).pathname });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.locator('.deep-one').screenshot({ path: new URL('../../test-results/screenshots/deeper-one-step-375.png', import.meta.url).pathname });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('28x28 -> 784: the rows end as one strip, at once with reduced motion', async () => {
  const page = await browser.open('/?s=mnist', { width: 1280, height: 800 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await settled(page, 'mnist');
  await page.locator('#deep-flatten').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('#deep-flatten').dataset.t === '1' && document.querySelector('#deep-fold').dataset.t === '1');
  // End state of the flattening: the strip holds the digit's rows in order; the square is empty.
  const strip = await page.evaluate(async () => {
    const c = document.querySelector('#deep-flatten');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const y = Number(c.dataset.stripY);     // the middle of the strip
    const dark = [];
    for (let x = 0; x < 784; x++) dark.push(d[4 * (y * c.width + x) + 3] > 0 && d[4 * (y * c.width + x)] < 200);
    let squareInk = 0;
    for (let y2 = 2; y2 < 160; y2++) for (let x = 320; x < 460; x++) if (d[4 * (y2 * c.width + x) + 3] > 0) squareInk += 1;
    return { dark, squareInk };
  });
  const digit = await page.evaluate(async () => {
    const e = await window.weightlab;
    const net = new e.LinearNetwork(1);
    net.loadModel(new Uint8Array(await (await fetch('models/chapter-linear.wlm')).arrayBuffer()));
    const gz = (await fetch('data/mnist-train-1000.wld.gz')).body.pipeThrough(new DecompressionStream('gzip'));
    const data = e.Dataset.fromBytes(new Uint8Array(await new Response(gz).arrayBuffer()));
    const labels = data.labels();
    let i = 0;
    for (; i < data.count; i++) {
      const s = net.predictImage(data, i);
      if (labels[i] === 2 && s.indexOf(Math.max(...s)) === 2) break;
    }
    const px = Array.from(data.images(i, i + 1), (p) => 255 - Math.round(p * 0.9) < 200);
    net.delete(); data.delete();
    return px;
  });
  assert.deepEqual(strip.dark, digit, 'input k of the strip is pixel k of the 2 (row by row)');
  assert.equal(strip.squareInk, 0, 'nothing is left in the square');
  await page.locator('.deep-flat').screenshot({ path: new URL('../../test-results/screenshots/deeper-flatten-1280.png', import.meta.url).pathname });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.locator('.deep-flat').screenshot({ path: new URL('../../test-results/screenshots/deeper-flatten-375.png', import.meta.url).pathname });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the live grid marks 100 test digits right or wrong, follows training, and opens one in Dot products', async () => {
  const page = await browser.open('/?s=mnist', { width: 1280, height: 800 });
  await settled(page, 'mnist');
  await prepare(page);
  await page.waitForSelector('#deep-grid[data-version]');
  const engineView = (trained) => page.evaluate(async (trained) => {
    const e = window.__engine;
    const net = new e.LinearNetwork(1);
    if (trained) net.loadModel(new Uint8Array(await (await fetch('models/chapter-linear.wlm')).arrayBuffer()));
    const data = await window.__data('data/mnist-test-2000.wld.gz');
    const guesses = [];
    for (let i = 0; i < 100; i++) { const s = net.predictImage(data, i); guesses.push(s.indexOf(Math.max(...s))); }
    const right = net.countCorrect(data, 0, 100);
    net.delete(); data.delete();
    return { guesses, right };
  }, trained);
  const grid = () => page.evaluate(() => ({
    cells: document.querySelectorAll('#deep-grid .deep-cell').length,
    guesses: [...document.querySelectorAll('#deep-grid .deep-cell')].map((c) => Number(c.dataset.guess)),
    wrong: document.querySelectorAll('#deep-grid .deep-cell.wrong').length,
    right: Number(document.querySelector('#deep-grid').dataset.right),
  }));
  let shown = await grid();
  let want = await engineView(false);
  assert.equal(shown.cells, 100);
  assert.deepEqual(shown.guesses, want.guesses, 'random weights (seed 1): the engine\'s guesses');
  assert.equal(shown.right, want.right);
  assert.equal(shown.wrong, 100 - want.right);

  const version = await page.getAttribute('#deep-grid', 'data-version');
  await page.click('#mnist-load');
  await page.waitForFunction((v) => document.querySelector('#deep-grid').dataset.version !== v && /Loaded/.test(document.querySelector('#mnist-phase').textContent), version);
  await page.waitForTimeout(300);
  shown = await grid();
  want = await engineView(true);
  assert.deepEqual(shown.guesses, want.guesses, 'trained weights: the engine\'s guesses');
  assert.equal(shown.right, want.right);
  assert.ok(want.right > 70 && want.right < 100, `${want.right} of 100 right`);
  assert.match(await page.textContent('#deep-grid-count'), new RegExp(`${want.right} of these 100`));
  await page.locator('.deep-grid').screenshot({ path: new URL('../../test-results/screenshots/deeper-grid-1280.png', import.meta.url).pathname });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.locator('.deep-grid').screenshot({ path: new URL('../../test-results/screenshots/deeper-grid-375.png', import.meta.url).pathname });

  // Training moves the grid.
  await page.click('#mnist-reset');
  const v2 = await page.getAttribute('#deep-grid', 'data-version');
  await page.click('#mnist-run');
  await page.waitForFunction((v) => Number(document.querySelector('#deep-grid').dataset.version) > Number(v) + 1, v2, { timeout: 20000 });
  await page.click('#mnist-run');   // pause

  // A wrong digit opens in Dot products, on the test set.
  const wrong = await page.evaluate(() => Number(document.querySelector('#deep-grid .deep-cell.wrong')?.dataset.img ?? document.querySelector('#deep-grid .deep-cell').dataset.img));
  await page.click(`#deep-grid .deep-cell[data-img="${wrong}"]`);
  await settled(page, 'dot-product');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('s'), 'dot-product');
  assert.equal(url.searchParams.get('img'), String(wrong));
  assert.equal(url.searchParams.get('set'), 'test');
  await page.waitForFunction(() => document.querySelector('#dp-verdict').textContent !== '');
  const label = await page.evaluate(async (i) => (await window.__data('data/mnist-test-2000.wld.gz')).label(i), wrong);
  assert.match(await page.textContent('#dp-title'), new RegExp(`Digit ${wrong + 1} of the test set, labelled ${label}`));
  assert.match(await page.textContent('#dp-range'), /of 2,000/);   // the site's test digits (every fifth)
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('Dot products opens on a 2 it reads right, and a pixel reads input x weight = the engine\'s product', async () => {
  for (const [width, height] of [[1280, 800], [375, 812]]) {
    const page = await browser.open('/?s=dot-product', { width, height });
    await settled(page, 'dot-product');
    await prepare(page);
    await page.waitForFunction(() => document.querySelector('#dp-verdict').textContent !== '');
    assert.match(await page.textContent('#dp-title'), /of the training set, labelled 2/);
    assert.match(await page.textContent('#dp-verdict'), /Highest score: 2, .*Right/);
    assert.equal(await page.inputValue('#dp-class'), '2', 'the inspected class starts at the prediction');
    await page.selectOption('#dp-class', '7');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('cls') === '7');
    // Point at pixel (row 14, column 12) of the product image.
    await page.locator('#dp-px-products').scrollIntoViewIfNeeded();
    const box = await page.locator('#dp-px-products').boundingBox();
    await page.mouse.move(box.x + box.width * (12.5 / 28), box.y + box.height * (14.5 / 28));
    const read = await page.evaluate(async () => {
      const el = document.querySelector('#dp-px-readout');
      const k = Number(el.dataset.pixel);
      const i = Number(document.querySelector('.dp-thumb[aria-pressed="true"]').dataset.index);
      const e = window.__engine;
      const net = new e.LinearNetwork(1);
      net.loadModel(new Uint8Array(await (await fetch('models/chapter-linear.wlm')).arrayBuffer()));
      const data = await window.__data('data/mnist-train-1000.wld.gz');
      const out = { k, i, text: el.textContent, product: Number(el.dataset.product),
        engine: net.contributionsImage(data, i, 7)[k], input: data.input(i)[k], weight: net.weights()[7 * 784 + k], label: data.label(i) };
      net.delete(); data.delete();
      return out;
    });
    assert.equal(read.label, 2);
    assert.equal(read.k, 14 * 28 + 12);
    assert.equal(read.product, read.engine, 'the product is the engine\'s contribution');
    const m = /input (\S+) × weight (\S+) = (\S+)/.exec(read.text);
    assert.ok(m, read.text);
    const near = (text, v) => Math.abs(Number(text) - v) <= 5e-4 * Math.max(Math.abs(v), 1e-9) + 1e-12;
    assert.ok(near(m[1], read.input), `${m[1]} vs ${read.input}`);
    assert.ok(near(m[2], read.weight), `${m[2]} vs ${read.weight}`);
    assert.ok(near(m[3], read.engine), `${m[3]} vs ${read.engine}`);
    assert.ok(Math.abs(read.input * read.weight - read.engine) < 1e-15, 'and it is input × weight');
    // Keyboard: an arrow key moves to the next pixel.
    await page.focus('#dp-px-products');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.getAttribute('#dp-px-readout', 'data-pixel'), String(read.k + 1));
    await page.locator('.dp-detail').screenshot({ path: new URL(`../../test-results/screenshots/deeper-dot-pixels-${width}.png`, import.meta.url).pathname });
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});
