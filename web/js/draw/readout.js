// Bar charts made of plain DOM elements (cheaper per frame than a chart
// library: ten style writes, no layout of axes).

// Ten horizontal bars, one per digit, on the domain [min, max] (a bar starts
// at 0, so negative values grow to the left of the zero line). With `onPick`
// each bar is a button (click, tap, Enter or Space) that picks its digit;
// the picked one is marked (aria-pressed).
export function createBars(container, { label, format, onPick = null }) {
  container.classList.add('bars');
  container.setAttribute('role', onPick ? 'group' : 'list');
  container.setAttribute('aria-label', label);
  const rows = [];
  for (let d = 0; d < 10; d++) {
    const row = document.createElement(onPick ? 'button' : 'div');
    row.className = 'bar-row';
    row.dataset.d = String(d);
    if (onPick) {
      row.type = 'button';
      row.setAttribute('aria-pressed', 'false');
      row.addEventListener('click', () => onPick(d));
    } else {
      row.setAttribute('role', 'listitem');
    }
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
        if (onPick) r.row.disabled = !values;  // (its name is its text: the digit and the value)
      });
    },
    // Marks digit d as the picked one (-1: none).
    pick(d) {
      rows.forEach((r, k) => {
        r.row.classList.toggle('is-picked', k === d);
        if (onPick) r.row.setAttribute('aria-pressed', String(k === d));
      });
    },
  };
}
