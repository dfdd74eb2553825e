// Not a test: viewport screenshots of Draw (what the reader sees without
// scrolling) after a drawing, after tapping a bar, and after teaching, at
// 375x812 and 1280x800. node tests/browser/shots-draw.mjs [outdir]
import { startBrowser } from './harness.mjs';
import { DIGITS, place } from './strokes/digits.mjs';
import { devtools, drawStrokes, settledReading } from './draw-input.mjs';
const out = process.argv[2] ?? '/tmp/draw-shots';
const BIG = { size: 0.75, cx: 0.5, cy: 0.5, slant: 0 };
const browser = await startBrowser();
try {
  for (const [width, height] of [[375, 812], [1280, 800]]) {
    const page = await browser.open('/?s=draw', { width, height });
    await page.waitForSelector('.draw[data-linear-model="ready"][data-teach="ready"]');
    if (width < 900) await page.locator('canvas.pad').scrollIntoViewIfNeeded();
    const cdp = await devtools(page);
    await drawStrokes(page, cdp, place(DIGITS.find((d) => d.digit === 4).strokes, BIG));
    const r = await settledReading(page);
    console.log(width, 'reads', r.linear, 'cnn', r.guess);
    await page.screenshot({ path: `${out}/draw-${width}-1-drawn.png` });
    await page.click('.bars-linear .bar-row[data-d="9"]');
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${out}/draw-${width}-2-tapped.png` });
    await page.click('.teach-digit[data-d="4"]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/draw-${width}-3-taught.png` });
    await page.screenshot({ path: `${out}/draw-${width}-full.png`, fullPage: true });
    console.log(page.problems);
    await cdp.detach();
    await page.close();
  }
} finally { await browser.close(); }
