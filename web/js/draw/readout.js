// Drawing the readings: the 28x28 image, contribution maps in diverging
// colours, and bar charts made of plain DOM elements (cheaper per frame than
// a chart library: ten style writes, no layout of axes).

const SIDE = 28;

// The image the model sees, as the model sees it: ink bright (1 = white), paper 0 (black).
export function paintImage(canvas, image) {
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(SIDE, SIDE);
  for (let i = 0; i < SIDE * SIDE; i++) {
    const v = Math.round((image ? image[i] : 0) * 255);
    data.data[4 * i] = data.data[4 * i + 1] = data.data[4 * i + 2] = v;
    data.data[4 * i + 3] = 255;
  }
  ctx.putImageData(data, 0, 0);
}

const POS = [33, 102, 172];   // --pos
const NEG = [194, 65, 12];    // --neg
const PAPER = [255, 255, 255];

// input x weight per pixel: blue pushes the score up, orange pushes it down,
// white is zero. `limit` is the value drawn at full colour (shared by maps
// that are compared side by side); colour grows with the square root of |v|.
export function paintContributions(canvas, values, limit) {
  const ctx = canvas.getContext('2d');
  const data = ctx.createImageData(SIDE, SIDE);
  for (let i = 0; i < SIDE * SIDE; i++) {
    const v = values ? values[i] : 0;
    // square root: small contributions stay visible beside a few large ones
    const t = limit > 0 ? Math.sqrt(Math.min(1, Math.abs(v) / limit)) : 0;
    const to = v >= 0 ? POS : NEG;
    for (let c = 0; c < 3; c++) data.data[4 * i + c] = Math.round(PAPER[c] + (to[c] - PAPER[c]) * t);
    data.data[4 * i + 3] = 255;
  }
  ctx.putImageData(data, 0, 0);
}

// Ten horizontal bars, one per digit, on the domain [min, max] (a bar starts
// at 0, so negative values grow to the left of the zero line).
export function createBars(container, { label, format }) {
  container.classList.add('bars');
  container.setAttribute('role', 'list');
  container.setAttribute('aria-label', label);
  const rows = [];
  for (let d = 0; d < 10; d++) {
    const row = document.createElement('div');
    row.className = 'bar-row';
    row.setAttribute('role', 'listitem');
    row.innerHTML = `<span class="bar-digit">${d}</span><span class="bar-track"><span class="bar-zero"></span><span class="bar-fill"></span></span><span class="bar-value"></span>`;
    container.append(row);
    rows.push({
      row,
      fill: row.querySelector('.bar-fill'),
      zero: row.querySelector('.bar-zero'),
      value: row.querySelector('.bar-value'),
    });
  }
  return {
    update(values, { min = 0, max = 1, highlight = -1 } = {}) {
      const span = max - min || 1;
      const zero = (Math.min(Math.max(0, min), max) - min) / span;
      rows.forEach((r, d) => {
        const v = values ? values[d] : 0;
        const at = (Math.min(Math.max(v, min), max) - min) / span;
        r.fill.style.left = `${Math.min(zero, at) * 100}%`;
        r.fill.style.width = `${Math.abs(at - zero) * 100}%`;
        r.zero.style.left = `${zero * 100}%`;
        r.fill.classList.toggle('neg', v < 0);
        r.row.classList.toggle('is-top', d === highlight);
        r.value.textContent = values ? format(v) : '';
      });
    },
  };
}
