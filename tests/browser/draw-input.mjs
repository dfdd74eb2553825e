// Drawing on the Draw page's pad from a test: stroke paths (pad fractions)
// sent as real input through the DevTools protocol, pipelined (see
// draw.test.mjs for why), and the page's reading once it has settled.
import { densify } from './strokes/digits.mjs';

export async function devtools(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  return cdp;
}

export async function drawStrokes(page, cdp, strokes) {
  const box = await page.locator('canvas.pad').boundingBox();
  const path = strokes.map((s) => densify(s, 9 / box.width).map(([x, y]) => [box.x + x * box.width, box.y + y * box.height]));
  for (const s of path) {
    const at = ([x, y], buttons) => ({ x, y, button: 'left', buttons, clickCount: 1 });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at(s[0], 0), button: 'none' });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', ...at(s[0], 1) });
    await Promise.all(s.slice(1).map((p) => cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', ...at(p, 1) })));
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', ...at(s[s.length - 1], 0) });
  }
}

// The view's data attributes after two more frames.
export const settledReading = (page) => page.evaluate(() => new Promise((done) => {
  requestAnimationFrame(() => requestAnimationFrame(() => done({ ...document.querySelector('.draw').dataset })));
}));
