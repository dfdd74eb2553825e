// The ONNX downloads: the Draw page offers the CNN and the MNIST page the
// chapter's trained network, each link fetching the file the build exported
// (byte for byte, as a download). Screenshots of both at 375 and 1280 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startBrowser, screenshot } from './harness.mjs';

const SITE = new URL('../../site/', import.meta.url);
let browser;
before(async () => { browser = await startBrowser(); });
after(async () => { await browser?.close(); });

for (const [section, file, text] of [
  ['draw', 'models/digits-cnn.onnx', /Download this network as ONNX/],
  ['mnist', 'models/chapter-linear.onnx', /Download the trained network as ONNX/],
]) {
  test(`the ${section} page links ${file}, and the link downloads the built file`, async () => {
    const built = await readFile(new URL(file, SITE));
    for (const width of [375, 1280]) {
      const page = await browser.open(`/?s=${section}`, { width, height: width === 375 ? 812 : 800 });
      const link = page.locator(`a[href="${file}"]`);
      await link.waitFor();
      assert.match(await link.textContent(), text);
      assert.equal(await link.getAttribute('download'), '');
      assert.match(await link.locator('xpath=..').textContent(), /Netron.*onnxruntime.*image.*\[N,/s);
      if (width === 1280) {
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        const got = await readFile(await download.path());
        assert.equal(got.length, built.length);
        assert.ok(got.equals(built), `${file}: the download is the built file`);
      }
      await link.scrollIntoViewIfNeeded();
      await screenshot(page, `onnx-${section}-${width}`);
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  });
}
