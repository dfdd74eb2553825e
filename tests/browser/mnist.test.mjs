// The MNIST pages in Chromium: training runs in chunks per frame (the chart
// gets a point per epoch, the weight images change, accuracy text appears),
// the trained weights load with their real test accuracy, a corrupt file is a
// clear message and the page keeps working, and the dot-product view shows the
// engine's own scores.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, screenshot } from './harness.mjs';
import { loadWeightlab, readSite } from '../node/load.mjs';

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

// Serves a corrupted copy of `path` from now on: through the network (a page
// route) and, if the service worker has cached the site, from its cache too.
// Returns a function that puts the good copy back in the cache.
async function serveCorrupt(page, path, { flip, truncate }) {
  const mutate = (b) => {
    if (truncate) return b.subarray(0, truncate);
    b[flip] ^= 0xff;
    return b;
  };
  await page.route(`**/${path}`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: mutate(Buffer.from(await response.body())) });
  });
  await page.evaluate(async ({ path, flip, truncate }) => {
    window.__restore = [];
    if (!('caches' in window)) return;
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      const hit = await cache.match(path, { ignoreSearch: true });
      if (!hit) continue;
      const good = new Uint8Array(await hit.arrayBuffer());
      window.__restore.push([key, good]);
      let bad = good.slice();
      if (truncate) bad = bad.subarray(0, truncate); else bad[flip] ^= 0xff;
      await cache.put(path, new Response(bad));
    }
  }, { path, flip, truncate });
  return () => page.evaluate(async (path) => {
    for (const [key, good] of window.__restore || []) await (await caches.open(key)).put(path, new Response(good));
  }, path);
}

// A hash of the ten weight canvases' pixels, to see them change.
const weightPixels = (page) => page.evaluate(() => {
  let h = 0;
  for (const c of document.querySelectorAll('.mnist-weight')) {
    const d = c.getContext('2d').getImageData(0, 0, 28, 28).data;
    for (let i = 0; i < d.length; i += 7) h = (h * 31 + d[i]) >>> 0;
  }
  return h;
});

test('training runs live: chart points, changing weight images, accuracy text', async () => {
  const page = await browser.open('/?s=mnist&epochs=2', { width: 1280, height: 900 });
  await page.waitForSelector('.mnist-weight');
  assert.equal(await page.locator('.mnist-weight').count(), 10);
  const before = await weightPixels(page);
  // Frame pacing while it trains: figures printed, not asserted (a shared CI core varies).
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 2000) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  await page.click('#mnist-run');
  await page.waitForFunction(() => /After epoch 2/.test(document.querySelector('#mnist-accuracy').textContent), null, { timeout: 30000 });
  const text = await page.textContent('#mnist-accuracy');
  assert.match(text, /train accuracy \d+\.\d%.*test accuracy \d+\.\d%/);
  const testAcc = Number(/test accuracy (\d+\.\d)%/.exec(text)[1]);
  assert.ok(testAcc > 70, `test accuracy ${testAcc}% after 2 epochs`);
  assert.notEqual(await weightPixels(page), before, 'the weight images changed');
  // A point every 50 training images (1,000 per epoch), the test accuracy once per epoch.
  const points = await page.evaluate(() => window.Chart.getChart(document.querySelector('#mnist-chart')).data.datasets
    .map((d) => d.data.map((p) => p.x)));
  assert.deepEqual(points[0], Array.from({ length: 40 }, (_, k) => 50 * (k + 1)));
  assert.deepEqual(points[2], [1000, 2000]);
  assert.match(await page.textContent('#mnist-phase'), /Done: 2 epochs/);
  const pacing = await page.evaluate(() => {
    const f = window.__frames.slice(1).sort((a, b) => a - b);
    return { frames: f.length, median: f[f.length >> 1], p95: f[Math.floor(f.length * 0.95)], longTasks: window.__long.length };
  });
  console.log(`mnist frame pacing while training: ${pacing.frames} frames, median ${pacing.median.toFixed(1)} ms, ` +
    `95th percentile ${pacing.p95.toFixed(1)} ms, ${pacing.longTasks} tasks over 50 ms`);
  assert.equal(await page.textContent('#mnist-run'), 'Start');
  await screenshot(page, 'mnist-1280');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('pause and resume; settings live in the URL', async () => {
  const page = await browser.open('/?s=mnist&epochs=3', { width: 1280, height: 900 });
  await page.selectOption('#mnist-alpha', '0.002');
  assert.match(page.url(), /alpha=0\.002/);
  await page.click('#mnist-run');
  await page.waitForFunction(() => document.querySelector('#mnist-run').textContent === 'Pause');
  await page.click('#mnist-run');
  assert.equal(await page.textContent('#mnist-run'), 'Resume');
  const phase = await page.textContent('#mnist-phase');
  await page.waitForTimeout(200);
  assert.equal(await page.textContent('#mnist-phase'), phase, 'nothing moves while paused');
  await page.click('#mnist-run');
  await page.waitForFunction(() => /Done: 3 epochs/.test(document.querySelector('#mnist-phase').textContent), null, { timeout: 30000 });

  // Leaving the view mid-run stops the loop: a frame that touched the deleted
  // network afterwards would be a page error.
  await page.fill('#mnist-epochs', '40');
  await page.dispatchEvent('#mnist-epochs', 'change');
  await page.click('#mnist-run');
  await page.waitForFunction(() => document.querySelector('#mnist-run').textContent === 'Pause');
  await page.evaluate(() => {
    window.__statusErrors = [];
    const box = document.querySelector('#status');
    new MutationObserver(() => { if (box.classList.contains('error')) window.__statusErrors.push(box.textContent); })
      .observe(box, { childList: true, characterData: true, subtree: true, attributes: true });
  });
  await page.click('nav a[data-section="dot-product"]');
  await page.waitForSelector('.dp-thumb');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#mnist-run').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__statusErrors), [], 'no error from a loop that outlived its view');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the state owns alpha and epochs: a change of the URL reaches the controls and the training', async () => {
  const page = await browser.open('/?s=mnist', { width: 1280, height: 900 });
  await page.evaluate(async () => {
    const { state } = await import('/js/state.js');
    state.set({ alpha: 0.05, epochs: 1 });
  });
  assert.equal(await page.inputValue('#mnist-alpha'), '0.05');
  assert.equal(await page.inputValue('#mnist-epochs'), '1');
  await page.click('#mnist-run');
  await page.waitForFunction(() => /Diverged/.test(document.querySelector('#mnist-phase').textContent), null, { timeout: 30000 });
  assert.match(await page.textContent('#mnist-phase'), /alpha 0\.05 overshoots/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a large alpha diverges with a message, not NaN', async () => {
  // (0.03 blows up after a few dozen images: late enough for a few points of the curve.)
  const page = await browser.open('/?s=mnist&alpha=0.03&epochs=1', { width: 1280, height: 900 });
  await page.click('#mnist-run');
  await page.waitForFunction(() => /Diverged/.test(document.querySelector('#mnist-phase').textContent), null, { timeout: 30000 });
  assert.match(await page.textContent('#mnist-phase'), /Diverged in epoch 1 at image \d+: alpha 0\.03 overshoots/);
  // The curve up to the blow-up: a point per 50 images before it, none after.
  const at = Number(/at image (\d+)/.exec(await page.textContent('#mnist-phase'))[1]);
  const xs = await page.evaluate(() => window.Chart.getChart(document.querySelector('#mnist-chart')).data.datasets[0].data.map((p) => p.x));
  assert.ok(xs.length >= 2, `a curve before the blow-up at image ${at}`);
  assert.deepEqual(xs, Array.from({ length: Math.floor(at / 50) }, (_, k) => 50 * (k + 1)), `points before image ${at}`);
  assert.doesNotMatch(await page.textContent('.cmap-ticks'), /NaN|Infinity/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('trained weights load with their real test accuracy', async () => {
  const page = await browser.open('/?s=mnist', { width: 375, height: 800 });
  await page.click('#mnist-load');
  await page.waitForFunction(() => /Trained weights, measured now/.test(document.querySelector('#mnist-accuracy').textContent), null, { timeout: 30000 });
  // The site's 2,000 test digits (every fifth of the 10,000), measured by the engine in Node.
  const wl = await loadWeightlab();
  const data = wl.Dataset.fromBytes(await readSite('data/mnist-test-2000.wld.gz'));
  const net = new wl.LinearNetwork(1);
  net.loadModel(await readSite('models/chapter-linear.wlm'));
  const expected = `${(100 * net.evaluate(data)).toFixed(2)}%`;
  net.delete(); data.delete();
  assert.ok(parseFloat(expected) > 79 && parseFloat(expected) < 83, `about the 80.5% of the 10,000 (${expected})`);
  assert.ok((await page.textContent('#mnist-accuracy')).includes(`test accuracy ${expected} on 2,000 test digits (every fifth of the 10,000)`));
  await screenshot(page, 'mnist-375');

  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a corrupt model file is a clear message and the page keeps working', async () => {
  const page = await browser.open('/?s=multi-input', { width: 1280, height: 900 });
  const restore = await serveCorrupt(page, 'models/chapter-linear.wlm', { flip: 100 });
  await page.click('nav a[data-section="mnist"]');
  await page.click('#mnist-load');
  await page.waitForFunction(() => document.querySelector('#status').classList.contains('error'));
  assert.match(await page.textContent('#status'), /models\/chapter-linear\.wlm: model file: checksum mismatch/);
  await page.fill('#mnist-epochs', '1');
  await page.dispatchEvent('#mnist-epochs', 'change');
  await page.click('#mnist-run');
  await page.waitForFunction(() => /Done: 1 epochs/.test(document.querySelector('#mnist-phase').textContent), null, { timeout: 30000 });
  await restore();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a corrupt data file is a clear message', async () => {
  const page = await browser.open('/?s=multi-input', { width: 1280, height: 900 });
  const restore = await serveCorrupt(page, 'data/mnist-train-1000.wld.gz', { truncate: 5000 });
  await page.click('nav a[data-section="mnist"]');
  await page.click('#mnist-run');
  await page.waitForFunction(() => document.querySelector('#status').classList.contains('error'));
  assert.match(await page.textContent('#status'), /data\/mnist-train-1000\.wld\.gz: data file: truncated/);
  assert.equal(await page.textContent('#mnist-run'), 'Start');
  await restore();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('dot products: the score shown is the engine\'s prediction', async () => {
  for (const width of [375, 1280]) {
    const page = await browser.open('/?s=dot-product&img=7', { width, height: 900 });
    await page.waitForSelector('.dp-thumb');
    await page.waitForFunction(() => document.querySelector('#dp-verdict').textContent !== '');
    assert.equal(await page.locator('.dp-thumb').count(), 100);
    assert.match(await page.textContent('#dp-title'), /Digit 8 of the training set, labelled 3/);
    // Pick another digit: the URL follows.
    await page.click('.dp-thumb[data-index="12"]');
    assert.match(page.url(), /img=12/);
    const expected = await page.evaluate(async () => {
      const engine = await window.weightlab;
      const get = async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer());
      const { fetchBytes, TRAIN_URL } = await import('./js/common/fetch.js');
      const data = engine.Dataset.fromBytes(await fetchBytes(TRAIN_URL));
      const net = new engine.LinearNetwork(1);
      net.loadModel(await get('models/chapter-linear.wlm'));
      const scores = [...net.predictImage(data, 12)];
      net.delete(); data.delete();
      return scores;
    });
    const shown = await page.locator('.dp-value').allTextContents();
    assert.deepEqual(shown, expected.map((s) => s.toFixed(3)));
    const best = expected.indexOf(Math.max(...expected));
    assert.equal(await page.getAttribute('#dp-verdict', 'data-prediction'), String(best));
    assert.match(await page.textContent('#dp-verdict'), new RegExp(`Highest score: ${best}, with ${expected[best].toFixed(3)}`));
    await page.focus('.dp-thumb[data-index="12"]');
    await page.keyboard.press('ArrowRight');
    assert.match(page.url(), /img=13/);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.index), '13');
    await page.click('#dp-next');
    assert.match(await page.textContent('#dp-range'), /Digits 101–200 of 1,000/);
    await screenshot(page, `dot-product-${width}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});
