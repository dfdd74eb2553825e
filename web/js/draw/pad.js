// The drawing pad: strokes from Pointer Events (mouse, touch, pen), drawn as
// smooth quadratic curves with round caps, kept as data so they can be undone
// and redrawn at any size. DOM-only; knows nothing about models.
//
// Strokes live in "pad units": the pad is UNITS x UNITS whatever its size on
// screen, so a drawing means the same at 375 px and at 1280 px. They are drawn
// twice: on the visible canvas (CSS size x devicePixelRatio, for sharpness) and
// on a hidden UNITS x UNITS canvas that is what gets read, so the reading
// never depends on the screen.
export const UNITS = 280;

const INK = '#15191f';

export function createPad(canvas, { width = 18, onChange = () => {} } = {}) {
  const view = canvas.getContext('2d');
  const readCanvas = document.createElement('canvas');
  readCanvas.width = readCanvas.height = UNITS;
  const read = readCanvas.getContext('2d', { willReadFrequently: true });
  const strokes = [];   // {width, points: [{x, y, p}], drawn: points already drawn, done}
  let active = null;    // the stroke under the pointer, with its pointerId
  let penWidth = width;
  let scale = 1;        // visible canvas pixels per pad unit

  function segment(ctx, stroke, k) {
    // Curve from the midpoint before point k-1 to the midpoint after it, with
    // point k-1 as the control point: consecutive curves join smoothly.
    const pts = stroke.points;
    const a = k === 1 ? pts[0] : mid(pts[k - 2], pts[k - 1]);
    const c = pts[k - 1];
    const b = mid(pts[k - 1], pts[k]);
    ctx.lineWidth = stroke.width * c.p;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.quadraticCurveTo(c.x, c.y, b.x, b.y);
    ctx.stroke();
  }

  function dot(ctx, stroke) {
    const p = stroke.points[0];
    ctx.beginPath();
    ctx.arc(p.x, p.y, (stroke.width * p.p) / 2, 0, 2 * Math.PI);
    ctx.fill();
  }

  function tail(ctx, stroke) {
    const pts = stroke.points;
    const n = pts.length;
    if (n < 2) return;
    const a = mid(pts[n - 2], pts[n - 1]);
    const b = pts[n - 1];
    ctx.lineWidth = stroke.width * b.p;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  }

  function prepare(ctx) {
    ctx.strokeStyle = ctx.fillStyle = INK;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
  }

  // Draws what is new in `stroke` (from point `from` on) on both canvases.
  function drawStroke(stroke, from) {
    for (const ctx of [view, read]) {
      prepare(ctx);
      if (from === 0) dot(ctx, stroke);
      for (let k = Math.max(1, from); k < stroke.points.length; k++) segment(ctx, stroke, k);
      if (stroke.done && !stroke.tailDrawn) tail(ctx, stroke);
    }
    stroke.drawn = stroke.points.length;
    if (stroke.done) stroke.tailDrawn = true;
  }

  function redraw() {
    view.setTransform(1, 0, 0, 1, 0, 0);
    view.clearRect(0, 0, canvas.width, canvas.height);
    view.setTransform(scale, 0, 0, scale, 0, 0);
    read.clearRect(0, 0, UNITS, UNITS);
    for (const s of strokes) {
      s.tailDrawn = false;
      drawStroke(s, 0);
    }
    dirty = true;
  }

  let dirty = false;
  // Draws pending segments; returns true if the ink changed since last call.
  function flush() {
    for (const s of strokes) {
      if (s.drawn < s.points.length || (s.done && !s.tailDrawn)) drawStroke(s, s.drawn);
    }
    const changed = dirty;
    dirty = false;
    return changed;
  }

  function point(event) {
    const r = canvas.getBoundingClientRect();
    // Pressure only from pens (mice report 0.5 while pressed, touch varies by device).
    const p = event.pointerType === 'pen' && event.pressure > 0 ? 0.5 + event.pressure : 1;
    return {
      x: ((event.clientX - r.left) / r.width) * UNITS,
      y: ((event.clientY - r.top) / r.height) * UNITS,
      p,
    };
  }

  function onDown(event) {
    if (active || (event.pointerType === 'mouse' && event.button !== 0)) return;
    event.preventDefault();
    canvas.focus({ preventScroll: true, focusVisible: false });
    canvas.dataset.pointer = event.pointerType;  // what drew last: mouse, touch or pen
    try { canvas.setPointerCapture(event.pointerId); } catch { /* synthetic events */ }
    active = { id: event.pointerId, stroke: { width: penWidth, points: [point(event)], drawn: 0, done: false } };
    strokes.push(active.stroke);
    dirty = true;
    onChange();
  }

  function onMove(event) {
    if (!active || event.pointerId !== active.id) return;
    event.preventDefault();
    const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [];
    for (const e of events.length ? events : [event]) {
      const q = point(e);
      const pts = active.stroke.points;
      const last = pts[pts.length - 1];
      if (Math.hypot(q.x - last.x, q.y - last.y) < 0.75) continue;  // sub-pixel jitter
      pts.push(q);
    }
    dirty = true;
    onChange();
  }

  function onUp(event) {
    if (!active || event.pointerId !== active.id) return;
    active.stroke.done = true;
    active = null;
    dirty = true;
    onChange();
  }

  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);
  canvas.addEventListener('lostpointercapture', onUp);

  function resize() {
    const r = canvas.getBoundingClientRect();
    const px = Math.max(1, Math.round(r.width * (window.devicePixelRatio || 1)));
    if (px === canvas.width && px === canvas.height) return;
    canvas.width = canvas.height = px;
    scale = px / UNITS;
    redraw();
    onChange();
  }
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);

  return {
    flush,
    resize,
    imageData: () => read.getImageData(0, 0, UNITS, UNITS),
    strokeCount: () => strokes.length,
    isDrawing: () => active !== null,
    setWidth(w) { penWidth = w; },
    undo() {
      if (!strokes.length) return false;
      if (active && strokes[strokes.length - 1] === active.stroke) active = null;
      strokes.pop();
      redraw();
      onChange();
      return true;
    },
    clear() {
      strokes.length = 0;
      active = null;
      redraw();
      onChange();
    },
    destroy() {
      observer.disconnect();
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('pointercancel', onUp);
      canvas.removeEventListener('lostpointercapture', onUp);
    },
  };
}

function mid(a, b) {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, p: (a.p + b.p) / 2 };
}
