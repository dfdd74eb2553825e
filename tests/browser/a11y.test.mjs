// Accessibility audit: axe-core's WCAG 2.1 A and AA rules on every section of
// the site at 1280x800 and 375x812, once each has drawn (engine loaded, models
// read, charts painted), and on states reached by using the page (a lesson
// stepped to a middle phase, where the cells still to come are greyed; a
// digit drawn and read). Any violation fails, listed with its rule, impact,
// an element selector and how many elements break it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { startBrowser } from './harness.mjs';
import { SECTIONS } from '../../web/js/sections.js';
import { DIGITS, place, densify } from './strokes/digits.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SIZES = [{ width: 1280, height: 800 }, { width: 375, height: 812 }];

let browser;
const totals = new Map();  // rule id -> failing elements, over the whole file
let pages = 0;
before(async () => { browser = await startBrowser(); });
after(async () => {
  await browser?.close();
  console.log(`axe-core, WCAG 2.1 A/AA, ${pages} pages: ${[...totals].map(([id, n]) => `${id} ${n}`).join(', ') || 'no violations'}`);
});

// What "drawn" means for each kind of view (the selectors the other tests wait on).
async function ready(page, view) {
  if (view === 'lesson') await page.waitForSelector('.lesson svg.diagram');
  if (view === 'mnist') await page.waitForSelector('#mnist-weights[data-version] .mnist-weight');
  if (view === 'dot-product') {
    await page.waitForSelector('.dp-thumb');
    await page.waitForFunction(() => document.querySelector('#dp-verdict').textContent !== '');
  }
  if (view === 'draw') await page.waitForSelector('.draw[data-cnn-model="ready"][data-linear-model="ready"]');
  await settle(page);
}

// Fonts loaded, two frames painted and the charts' animations over.
async function settle(page) {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) =>
    requestAnimationFrame(() => requestAnimationFrame(done)))));
  await page.waitForTimeout(400);
}

// Runs axe in the page. The page's CSP allows scripts from 'self' only, so
// axe's source is evaluated through the DevTools protocol, which CSP does not
// govern, rather than added as an inline <script>.
async function audit(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
  }).then((r) => ({
    checked: r.passes.map((p) => p.id),
    violations: r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary.split('\n').slice(1).join(' ').trim() })),
    })),
  })), TAGS);
  // The audit really looked at the text and the page's structure.
  for (const rule of ['color-contrast', 'document-title', 'html-has-lang']) {
    assert.ok(result.checked.includes(rule) || result.violations.some((v) => v.id === rule), `${label}: axe ran ${rule}`);
  }
  return result.violations.map((v) => ({ ...v, where: label }));
}

function report(violations) {
  const lines = [];
  const byRule = new Map();
  for (const v of violations) {
    lines.push(`${v.where}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.length} element(s)`);
    for (const n of v.nodes.slice(0, 8)) lines.push(`    ${n.target}  ${n.summary}`);
    if (v.nodes.length > 8) lines.push(`    ... and ${v.nodes.length - 8} more`);
    byRule.set(v.id, (byRule.get(v.id) ?? 0) + v.nodes.length);
  }
  const total = [...byRule.values()].reduce((a, b) => a + b, 0);
  lines.push(`${total} failing element(s): ${[...byRule].map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}`);
  return lines.join('\n');
}

async function auditSection(query, view, size, label, act) {
  const page = await browser.open(`/?${query}`, size);
  await ready(page, view);
  if (act) { await act(page); await settle(page); }
  const found = await audit(page, label);
  assert.deepEqual(page.problems, [], label);
  await page.close();
  pages++;
  for (const v of found) totals.set(v.id, (totals.get(v.id) ?? 0) + v.nodes.length);
  return found;
}

// Audits each page of a list, then fails once with everything found.
async function auditAll(list) {
  const found = [];
  for (const { query, view, label, act } of list) {
    for (const size of SIZES) {
      found.push(...await auditSection(query, view, size, `${label} ${size.width}x${size.height}`, act));
    }
  }
  const text = report(found);
  console.log(text.split("\n").at(-1));
  assert.equal(found.length, 0, `accessibility violations:\n${text}`);
}

for (const section of SECTIONS) {
  test(`section ${section.id} passes axe-core's WCAG 2.1 A/AA rules at 1280x800 and 375x812`, () =>
    auditAll([{ query: `s=${section.id}`, view: section.view, label: section.id }]));
}

// Draws a "3" with the mouse on the pad (the accuracy test's first 3).
async function drawThree(page) {
  const box = await page.locator('canvas.pad').boundingBox();
  const strokes = place(DIGITS.find((d) => d.digit === 3).strokes, { size: 0.75, cx: 0.5, cy: 0.5, slant: 0 });
  for (const s of strokes) {
    const pts = densify(s, 12 / box.width).map(([x, y]) => [box.x + x * box.width, box.y + y * box.height]);
    await page.mouse.move(...pts[0]);
    await page.mouse.down();
    for (const p of pts.slice(1)) await page.mouse.move(...p);
    await page.mouse.up();
  }
  await page.waitForSelector('.draw[data-state="reading"]');
}

// States reached by using the page.
const STATES = [
  // Stepped with the player to COMPARE: the cells of LEARN and UPDATE are greyed.
  { query: 's=multi-input', view: 'lesson', label: 'multi-input stepped to compare',
    act: async (page) => {
      await page.click('.player button[data-act="next"]');
      await page.waitForSelector('.phases li.current[data-ph="compare"]');
      assert.ok(await page.locator('.numbers-wrap td.upcoming').count() > 0, 'greyed cells are showing');
    } },
  { query: 's=multi-in-out&ph=learn', view: 'lesson', label: '3x3 learning' },
  // Predict, then check: guess fields in the numbers, then a checked guess with its verdict.
  { query: 's=multi-input&quiz=1&n=10&it=10&ph=compare', view: 'lesson', label: 'predict then check, checked',
    act: async (page) => {
      await page.fill('input[data-guess="0:delta:0"]', '1');
      await page.click('button[data-act="check"]');
      await page.waitForSelector('.quiz-verdicts li');
    } },
  { query: 's=freeze&ph=update', view: 'lesson', label: 'freeze at update' },
  { query: 's=side-by-side&ph=compare', view: 'lesson', label: 'side by side at compare' },
  { query: 's=mnist', view: 'mnist', label: 'mnist, trained weights loaded',
    act: async (page) => {
      await page.click('#mnist-load');
      await page.waitForFunction(() => /Trained weights, measured now/.test(document.querySelector('#mnist-accuracy').textContent), null, { timeout: 60000 });
    } },
  { query: 's=draw', view: 'draw', label: 'a 3 drawn', act: drawThree },
];
for (const state of STATES) {
  test(`${state.label}: passes too, at both sizes`, () => auditAll([state]));
}

// axe cannot judge the text of the lesson diagrams (SVG text over drawn
// shapes: "background could not be determined"), so this measures it the same
// way, WCAG's contrast ratio, against the shape each text sits on: an edge
// label's box, a node's circle, else the white panel. 4.5:1 for every text,
// at every phase of every lesson (the freeze lesson shows frozen labels).
test('diagram text has at least 4.5:1 contrast on the shape behind it, at every phase of every lesson', async () => {
  const low = [];
  let measured = 0;
  for (const section of SECTIONS.filter((s) => s.view === 'lesson')) {
    const page = await browser.open(`/?s=${section.id}`, SIZES[0]);
    await ready(page, 'lesson');
    for (const phase of ['predict', 'compare', 'learn', 'update']) {
      await page.waitForSelector(`.phases li.current[data-ph="${phase}"]`);
      const texts = await page.evaluate(() => {
        const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
        const lum = (c) => rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
          .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
        const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
        const panel = getComputedStyle(document.querySelector('.lesson .panel')).backgroundColor;
        return [...document.querySelectorAll('.lesson svg.diagram text')].filter((t) => t.textContent.trim()).map((t) => {
          const box = t.closest('.edge-label')?.querySelector('rect')
            ?? [...t.ownerSVGElement.querySelectorAll('circle')].find((c) => c.getAttribute('cx') === t.getAttribute('x') && c.getAttribute('cy') === t.getAttribute('y'));
          const back = box ? getComputedStyle(box).fill : panel;
          const style = getComputedStyle(t);
          return { text: t.textContent, cls: t.getAttribute('class'), fill: style.fill, back, opacity: style.opacity, ratio: ratio(style.fill, back) };
        });
      });
      for (const t of texts) {
        measured++;
        if (t.ratio < 4.5 || t.opacity !== '1') low.push(`${section.id} ${phase}: "${t.text}" (${t.cls}) ${t.fill} on ${t.back}: ${t.ratio.toFixed(2)}:1, opacity ${t.opacity}`);
      }
      if (phase !== 'update') await page.click('.player button[data-act="next"]');
    }
    assert.deepEqual(page.problems, [], section.id);
    await page.close();
  }
  console.log(`diagram texts measured: ${measured}, below 4.5:1: ${low.length}`);
  assert.ok(measured > 100, `measured ${measured} texts`);
  assert.deepEqual(low, []);
});
