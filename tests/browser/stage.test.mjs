// Control and consequence on one screen (issue 13): after each Next, the
// phase's new number (the engine's, found in the stage's line) and the Next
// button are inside the window, at 375x812 and 1280x800, for every lesson,
// also after the reader scrolled to the numbers below; Side by side's curves
// are in view beside its stage; Draw's answer is on screen when a touch
// stroke ends; Dot products' detail after a tap. Also: the phone navigation
// says where you are, projector mode, motion (and none under reduced
// motion), and scrubbing an input or a target on the diagram.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, settled, ARTIFACTS } from './harness.mjs';

const LESSONS = ['multi-input', 'side-by-side', 'steps', 'freeze', 'multi-output', 'multi-in-out'];
const SIZES = [[375, 812], [1280, 800]];
const FIELD = { predict: 'pred', compare: 'delta', learn: 'weightDeltas', update: 'weightsAfter' };

let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

async function open(query, [width, height]) {
  const page = await browser.open(`/?${query}`, { width, height });
  await settled(page, new URLSearchParams(query).get('s'));
  return page;
}
const shot = (page, name) => page.screenshot({ path: new URL(`stage-${name}.png`, ARTIFACTS).pathname });

// Where the stage's line, Next and the diagram are, the engine's numbers for
// this position, formatted as the page formats them, and the line's text.
function look(page) {
  return page.evaluate(async (FIELD) => {
    const engine = await window.weightlab;
    const { LESSONS } = await import('./js/lesson/config.js');
    const { iterationOf } = await import('./js/common/trace.js');
    const { fmt } = await import('./js/common/format.js');
    const q = new URLSearchParams(location.search);
    const it = Number(q.get('it') ?? 1) - 1, ph = q.get('ph') ?? 'predict';
    const expected = LESSONS[q.get('s')].panels.map(({ example }) => {
      const ex = engine.examples().find((e) => e.id === example);
      const values = iterationOf(engine.run(ex.problem), it);
      return values[FIELD[ph]].map((v) => fmt(v));
    });
    const rect = (sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
    return { ph, it, expected, line: document.querySelector('[data-role="now"]').textContent,
      now: rect('[data-role="now"]'), next: rect('.player [data-act="next"]'), diagram: rect('.diagram-box:last-child svg.diagram'),   // the network that learns (Side by side: the three-input one)
      height: innerHeight };
  }, FIELD);
}
const inView = (r, height) => r.top >= 0 && r.bottom <= height;

test('after every Next of two iterations, the new number and Next are on screen (six lessons, 375x812 and 1280x800)', async () => {
  for (const size of SIZES) {
    for (const id of LESSONS) {
      const page = await open(`s=${id}`, size);
      for (let k = 1; k < 8; k++) {
        if (k === 4) {   // iteration 2: the reader has scrolled down to the numbers and the code
          await page.evaluate(() => document.querySelector('.code-panel').scrollIntoView({ block: 'start' }));
        }
        await page.click('.player [data-act="next"]');
        const v = await look(page);
        const where = `${id} at ${size.join('x')}, iteration ${v.it + 1} ${v.ph}`;
        for (const numbers of v.expected) {
          for (const n of numbers) assert.ok(v.line.includes(n), `${where}: the line "${v.line}" shows the engine's ${n}`);
        }
        assert.ok(inView(v.now, v.height), `${where}: the new numbers at ${v.now.top}-${v.now.bottom}px, window ${v.height}`);
        assert.ok(inView(v.next, v.height), `${where}: Next at ${v.next.top}-${v.next.bottom}px`);
        assert.ok(v.diagram.bottom > 0 && v.diagram.top < v.height, `${where}: the diagram is in view`);
        if (k === 2) await shot(page, `${id}-${size[0]}-next2`);
      }
      await shot(page, `${id}-${size[0]}-scrolled`);
      assert.deepEqual(page.problems, [], id);
      await page.close();
    }
  }
});

test('Side by side at 1280x800: both sets of error curves are in view beside the stage after Next', async () => {
  const page = await open('s=side-by-side', [1280, 800]);
  for (let k = 0; k < 3; k++) await page.click('.player [data-act="next"]');
  const r = await page.evaluate(() => ({
    next: document.querySelector('.player [data-act="next"]').getBoundingClientRect().bottom,
    curves: [...document.querySelectorAll('[data-role="curves"] canvas')].map((c) => c.getBoundingClientRect()).map((b) => [b.top, b.bottom]),
  }));
  assert.ok(r.next <= 800, `Next ends at ${r.next}px`);
  assert.equal(r.curves.length, 4, 'one chart for the single input, three for the three inputs');
  for (const [top, bottom] of r.curves) assert.ok(top >= 0 && bottom <= 800, `a curve at ${top}-${bottom}px`);
  await page.close();
});

// A touch stroke through the DevTools protocol (pointerType "touch").
async function touchStroke(page, points) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  const at = ([x, y]) => ({ touchPoints: [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', ...at(points[0]) });
  for (const p of points.slice(1)) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', ...at(p) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
const frames = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));

test('Draw at 375x812 (touch): the digit read and its ten bars are on screen the moment a stroke ends', async () => {
  const page = await open('s=draw', [375, 812]);
  await page.waitForSelector('.draw[data-cnn-model="ready"]');
  await page.locator('canvas.pad').scrollIntoViewIfNeeded();
  const box = await page.locator('canvas.pad').boundingBox();
  const line = Array.from({ length: 24 }, (_, k) => [box.x + box.width * 0.5, box.y + box.height * (0.15 + 0.7 * k / 23)]);
  await touchStroke(page, line);
  await frames(page);
  const r = await page.evaluate(() => {
    const pin = document.querySelector('.pad-answer');
    const b = pin.getBoundingClientRect();
    return { top: b.top, bottom: b.bottom, visible: pin.checkVisibility(), digit: pin.querySelector('.pa-digit').textContent,
      guess: document.querySelector('.draw').dataset.guess, linear: document.querySelector('.draw').dataset.linear, bars: pin.querySelectorAll('.pa-bar').length, height: innerHeight };
  });
  assert.ok(r.visible && r.top >= 0 && r.bottom <= r.height, `the pinned answer at ${r.top}-${r.bottom}px`);
  assert.match(r.guess, /^\d$/);
  assert.equal(r.digit, r.linear, 'the pinned digit is the chapter\'s network\'s (issue 15: it leads)');
  assert.equal(r.bars, 10);
  await shot(page, 'draw-375-stroke');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('Dot products: after tapping a digit its detail is in view (375x812 and 1280x800)', async () => {
  for (const size of SIZES) {
    const page = await open('s=dot-product', size);
    await page.waitForSelector('.dp-thumb[data-index="57"]');
    await page.click('.dp-thumb[data-index="57"]');
    await page.waitForFunction(() => {
      const t = document.getElementById('dp-title').getBoundingClientRect();
      const img = document.getElementById('dp-input').getBoundingClientRect();
      return /Digit 58 /.test(document.getElementById('dp-title').textContent) && t.top >= 0 && img.bottom <= innerHeight;
    }, null, { timeout: 5000 });
    await shot(page, `dot-product-${size[0]}-tap`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('the phone navigation says how many sections there are and which one is open', async () => {
  const page = await open('s=multi-output', [375, 812]);
  const r = await page.evaluate(async () => {
    const { SECTIONS } = await import('./js/sections.js');
    const nav = document.getElementById('nav').getBoundingClientRect();
    const link = document.querySelector('#nav [aria-current="page"]').getBoundingClientRect();
    return { where: document.getElementById('nav-where').textContent, visible: document.getElementById('nav-where').checkVisibility(),
      n: SECTIONS.length, k: SECTIONS.findIndex((s) => s.id === 'multi-output') + 1,
      inside: link.left >= nav.left - 1 && link.right <= nav.right + 1 };
  });
  assert.ok(r.visible);
  assert.equal(r.where, `${r.k} / ${r.n}`);
  assert.ok(r.inside, 'the current section is scrolled into the visible part of the navigation');
  await page.close();
});

test('projector mode (?proj=1): large type, thick lines, charts 1.5x, no footer; it stays on from section to section', async () => {
  const measure = (page) => page.evaluate(() => ({
    proj: document.documentElement.classList.contains('proj'),
    font: parseFloat(getComputedStyle(document.body).fontSize),
    edge: Number(document.querySelector('.diagram .edge').getAttribute('stroke-width')),
    curve: document.querySelector('.wl-curve-box')?.getBoundingClientRect().height ?? 0,
    foot: document.querySelector('.foot').checkVisibility(),
  }));
  const plain = await open('s=steps', [1280, 800]);
  const a = await measure(plain);
  await plain.close();
  const page = await open('s=steps&proj=1', [1280, 800]);
  const b = await measure(page);
  assert.ok(!a.proj && b.proj);
  assert.ok(b.font >= 1.5 * a.font, `type ${a.font} -> ${b.font}px`);
  assert.ok(b.edge >= 1.5 * a.edge, `edge ${a.edge} -> ${b.edge}`);
  assert.ok(b.curve >= 1.5 * a.curve, `error curve ${a.curve} -> ${b.curve}px tall`);
  assert.ok(a.foot && !b.foot, 'the footer goes');
  assert.match(await page.getAttribute('#nav a[data-section="draw"]', 'href'), /proj=1/);
  await page.click('#nav a[data-section="multi-output"]');
  await settled(page, 'multi-output');
  assert.equal(new URL(page.url()).searchParams.get('proj'), '1');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('proj')));
  await shot(page, 'projector-1280');
  assert.deepEqual(page.problems, []);
  await page.close();
});

// Steps from Compare to Learn and from Learn to the new weights inside the
// page (the click and the first look in one task) and reports what moved.
async function stepAndLook(page) {
  return page.evaluate(async () => {
    const { motionAllowed } = await import('./js/common/motion.js');
    const svg = document.querySelector('svg.diagram');
    const next = document.querySelector('.player [data-act="next"]');
    const label = () => svg.querySelector('.edge-label .edge-value:not(.ghost)').textContent;
    const ghost = () => svg.querySelector('.edge-label .ghost')?.textContent ?? null;
    const wait = (ms) => new Promise((ok) => setTimeout(ok, ms));
    next.click();   // compare -> learn
    const learn = { moving: svg.dataset.moving ?? null, pulses: svg.querySelectorAll('.pulse').length };
    await wait(600);
    learn.after = svg.dataset.moving ?? null;
    learn.pulsesAfter = svg.querySelectorAll('.pulse').length;
    next.click();   // learn -> update
    const update = { moving: svg.dataset.moving ?? null, ghost: ghost(), first: label() };
    await wait(600);
    update.after = svg.dataset.moving ?? null;
    update.ghostAfter = ghost();
    update.last = label();
    return { allowed: motionAllowed(), learn, update };
  });
}

test('motion: the delta travels back at Learn and the weights slide at Update, within 400 ms; none under reduced motion', async () => {
  const page = await open('s=multi-input&ph=compare', [1280, 800]);
  const m = await stepAndLook(page);
  assert.equal(m.allowed, true);
  assert.equal(m.learn.moving, 'learn');
  assert.equal(m.learn.pulses, 3, 'a dot per edge');
  assert.equal(m.learn.after, null, 'done within 600 ms');
  assert.equal(m.learn.pulsesAfter, 0);
  assert.equal(m.update.moving, 'update');
  assert.ok(m.update.ghost !== null && m.update.ghost !== m.update.last, `the weight slides from its old value (${m.update.ghost})`);
  assert.equal(m.update.first, m.update.last, 'the label itself holds the exact new weight all along');
  assert.equal(m.update.after, null);
  assert.equal(m.update.ghostAfter, null, 'the sliding copy is gone');
  const final = m.update.last;
  await page.close();

  const still = await browser.open('/?s=multi-input&ph=compare', { width: 1280, height: 800 });
  await still.emulateMedia({ reducedMotion: 'reduce' });
  await settled(still, 'multi-input');
  const r = await stepAndLook(still);
  assert.equal(r.allowed, false);
  assert.deepEqual(r.learn, { moving: null, pulses: 0, after: null, pulsesAfter: 0 }, 'nothing moves at Learn');
  assert.equal(r.update.moving, null);
  assert.equal(r.update.ghost, null, 'no sliding copy');
  assert.equal(r.update.first, final, 'the new weight is there at once');
  assert.equal(r.update.last, final);
  await still.close();
});

// Pred on the diagram and the engine's pred for the input on the diagram.
function predCheck(page) {
  return page.evaluate(async () => {
    const engine = await window.weightlab;
    const { fmt } = await import('./js/common/format.js');
    const ex = engine.examples().find((e) => e.id === 'multi-input');
    const input = [...document.querySelectorAll('svg.diagram .node-value[data-scrub="input"]')].map((t) => Number(t.textContent));
    const trace = engine.run({ ...ex.problem, input: Float64Array.from(input) });
    return { input, shown: document.querySelector('svg.diagram .node-value.pred').textContent, engine: fmt(trace.pred[0]),
      url: new URLSearchParams(location.search).get('x') };
  });
}

test('dragging an input on the diagram scrubs it: every frame recomputed, the URL written when the drag ends', async () => {
  for (const size of SIZES) {
    const page = await open('s=multi-input', size);
    const c = await page.locator('svg.diagram circle[data-scrub="input"][data-index="0"]').boundingBox();
    const x = c.x + c.width / 2, y = c.y + c.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let k = 1; k <= 5; k++) await page.mouse.move(x, y - 10 * k);
    const mid = await predCheck(page);
    assert.ok(mid.input[0] > 8.5, `${size[0]}: toes went up (${mid.input[0]})`);
    assert.equal(mid.shown, mid.engine, `${size[0]}: the diagram's pred is the engine's for toes = ${mid.input[0]}`);
    assert.equal(mid.url, null, 'mid-drag the URL is not written');
    await page.mouse.move(x, y - 80);
    await page.mouse.up();
    const end = await predCheck(page);
    assert.equal(end.shown, end.engine);
    assert.equal(end.url?.split(',')[0], String(end.input[0]), 'the URL has the new input after the drag');
    assert.equal(await page.inputValue('.settings input >> nth=0'), String(end.input[0]), 'the settings follow');
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('dragging a target on the diagram scrubs it, and the error is the engine\'s for the new target', async () => {
  const page = await open('s=multi-input&ph=compare', [375, 812]);
  const t = await page.locator('svg.diagram .scrub-hit[data-scrub="target"]').boundingBox();
  const x = t.x + t.width / 2, y = t.y + t.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= 4; k++) await page.mouse.move(x, y + 12 * k);   // down: a smaller target
  await page.mouse.up();
  const r = await page.evaluate(async () => {
    const engine = await window.weightlab;
    const { fmt } = await import('./js/common/format.js');
    const ex = engine.examples().find((e) => e.id === 'multi-input');
    const target = Number(document.querySelector('svg.diagram .side.target').textContent.replace('target ', ''));
    const trace = engine.run({ ...ex.problem, target: Float64Array.of(target) });
    return { target, shown: document.querySelector('svg.diagram .side.error').textContent, engine: `error ${fmt(trace.error[0])}`,
      url: new URLSearchParams(location.search).get('t') };
  });
  assert.ok(r.target < 1, `the target went down (${r.target})`);
  assert.equal(r.shown, r.engine);
  assert.equal(r.url, String(r.target));
  assert.deepEqual(page.problems, []);
  await page.close();
});
