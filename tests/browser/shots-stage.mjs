// Not a test: viewport screenshots (what the reader sees without scrolling)
// of every lesson after Next twice, Draw after a stroke, Dot products after a
// tap, at 375x812 and 1280x800. node tests/browser/shots-stage.mjs [outdir] [query]
import { startBrowser, settled } from './harness.mjs';
const out = process.argv[2] ?? '/tmp/stage-shots';
const extra = process.argv[3] ? `&${process.argv[3]}` : '';
const LESSONS = ['multi-input', 'side-by-side', 'steps', 'freeze', 'multi-output', 'multi-in-out'];
const browser = await startBrowser();
try {
  for (const [width, height] of [[375, 812], [1280, 800]]) {
    for (const id of LESSONS) {
      const page = await browser.open(`/?s=${id}${extra}`, { width, height });
      await settled(page, id);
      await page.click('.player button[data-act="next"]');
      await page.click('.player button[data-act="next"]');
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}/${id}-${width}.png` });
      await page.close();
    }
  }
} finally { await browser.close(); }
