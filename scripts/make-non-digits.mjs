#!/usr/bin/env node
// Makes images of things that are NOT digits, in MNIST form, as a .wld file
// (core/dataset.hpp; label 0 = a glyph, 1 = a scribble): letters and signs
// rendered from the fonts Debian's font packages install, and random strokes
// and scribbles, each drawn with a thick pen on a canvas in headless
// Chromium and put through the engine's own reader (DigitReader.read, i.e.
// core/preprocess.hpp), exactly as a drawing on the page is.
//
//   node scripts/make-non-digits.mjs train   [--count N] [--out FILE]
//   node scripts/make-non-digits.mjs heldout [--count N] [--out FILE]
//
// Needs a built site/ (scripts/build) and the font packages fonts-dejavu,
// fonts-liberation, fonts-freefont-ttf, fonts-urw-base35, fonts-comic-neue,
// fonts-cantarell, fonts-noto-core. Deterministic for a given set (seeded).
//
// The two sets share nothing: different fonts, different characters,
// different scribble seeds. "train" (default 40,000 images, 70% glyphs, to
// build/non-digits-train.wld) is what train_cnn --negatives learns from and
// calibrates on; "heldout" (default 1,600, to tests/data/non-digits-heldout.wld)
// is never used by training or calibration: the tests measure the reader on it.
// Characters that look like a digit (O o Q D I l i j S s Z z B b g q G, | / ( ) ...)
// are in neither set.
/* global window, document */ // drawBatch runs in the page
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from './serve.mjs';
import { findChromium } from './chromium.mjs';

const SETS = {
  train: {
    seed: 1001,
    count: 40000,
    out: 'build/non-digits-train.wld',
    fonts: ['DejaVu Sans', 'DejaVu Serif', 'DejaVu Sans Mono', 'FreeSans', 'FreeSerif', 'FreeMono',
      'Nimbus Sans', 'Nimbus Roman', 'Nimbus Mono PS', 'URW Bookman', 'URW Gothic', 'C059', 'P052',
      'Z003', 'Noto Sans', 'Noto Serif', 'Cantarell'],
    chars: 'ACEFHKMNPRWX' + 'acefhkmnprwx' + '#&*+=?@%€£¥¶©®™±×÷≈≠√∫∑∞→←↑⇒' +
      'ΩΣΨΠαλμπψωξζ✓✗★♥♦',
  },
  heldout: {
    seed: 2002,
    count: 1600,
    out: 'tests/data/non-digits-heldout.wld',
    fonts: ['Liberation Sans', 'Liberation Serif', 'Liberation Mono', 'Comic Neue'],
    chars: 'JLTUVY' + 'dtuvy' + '<>{}^~¢' + 'ΓΔΛΞεηκνρτχ♠♣↓↔∂∇∃∀∈∩∪',
  },
};

function parseArgs(argv) {
  const name = argv[0];
  if (!SETS[name]) throw new Error('usage: make-non-digits.mjs train|heldout [--count N] [--out FILE]');
  const set = { name, ...SETS[name] };
  for (let i = 1; i < argv.length; i += 2) {
    if (argv[i] === '--count') set.count = Number(argv[i + 1]);
    else if (argv[i] === '--out') set.out = argv[i + 1];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return set;
}

// The code points a font family covers (fontconfig's charset of its first face).
function coverage(family) {
  const text = execFileSync('fc-list', [`${family}`, 'charset'], { encoding: 'utf8' }).split('\n')[0];
  const m = /charset=(.*)$/.exec(text);
  if (!m) throw new Error(`font '${family}' is not installed (see the comment at the top)`);
  const ranges = m[1].trim().split(/\s+/).map((r) => r.split('-').map((h) => parseInt(h, 16)));
  return (cp) => ranges.some(([a, b = a]) => cp >= a && cp <= b);
}

// Every (font, character) pair the font draws itself (no fallback to another font).
function glyphs(set) {
  const out = [];
  for (const font of set.fonts) {
    const has = coverage(font);
    for (const ch of set.chars) if (has(ch.codePointAt(0))) out.push([font, ch]);
  }
  return out;
}

// crc32 (IEEE), as core/bytes.hpp
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function wld(pixels, labels) {
  const n = labels.length;
  const out = Buffer.alloc(28 + n * 785);
  out.write('WLDATA\0\0', 0, 'latin1');
  out.writeUInt32LE(1, 8);
  out.writeUInt32LE(n, 12);
  out.writeUInt32LE(28, 16);
  out.writeUInt32LE(28, 20);
  Buffer.from(pixels.buffer, pixels.byteOffset, pixels.length).copy(out, 24);
  Buffer.from(labels).copy(out, 24 + n * 784);
  out.writeUInt32LE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
  return out;
}

// Runs in the page: draws `count` images from index `start` and returns their
// 28x28 bytes (base64) and kinds. Everything random comes from a PRNG seeded by
// (seed, index), so a batch boundary never changes an image.
async function drawBatch({ seed, start, count, glyphList, glyphShare }) {
  const wl = await window.weightlab;
  const reader = new wl.DigitReader();
  const W = 200;
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = W;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const bytes = new Uint8Array(count * 784);
  const kinds = [];
  function rng(s) {  // mulberry32
    let a = s >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const pen = (r, extent) => extent * (0.04 + 0.11 * r());  // pad pens: 5-13% of a digit's height
  function glyph(r) {
    const [font, ch] = glyphList[Math.floor(r() * glyphList.length)];
    const size = 70 + 80 * r();
    const style = r() < 0.25 ? 'italic ' : '';
    const weight = r() < 0.25 ? 'bold ' : '';
    ctx.font = `${style}${weight}${size.toFixed(1)}px "${font}"`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.translate(W / 2, W / 2);
    ctx.rotate((r() - 0.5) * 0.6);
    ctx.transform(1, 0, (r() - 0.5) * 0.5, 1, 0, 0);
    ctx.fillText(ch, 0, 0);
    const lw = size * 0.1 * r();
    if (lw > 0.5) {
      ctx.lineWidth = lw;
      ctx.strokeText(ch, 0, 0);
    }
  }
  function scribble(r) {
    const kind = Math.floor(r() * 6);
    const P = () => [20 + 160 * r(), 20 + 160 * r()];
    ctx.lineWidth = pen(r, 150);
    ctx.beginPath();
    if (kind === 0) {  // a smooth wandering line through 5-10 points
      const n = 5 + Math.floor(r() * 6);
      let p = P();
      ctx.moveTo(...p);
      for (let i = 0; i < n; i++) {
        const q = P();
        const c = P();
        ctx.quadraticCurveTo(c[0], c[1], q[0], q[1]);
        p = q;
      }
    } else if (kind === 1) {  // zigzag
      const n = 4 + Math.floor(r() * 6);
      const h = 40 + 100 * r();
      const y0 = 100 - h / 2;
      ctx.moveTo(20, y0 + h * r());
      for (let i = 1; i <= n; i++) ctx.lineTo(20 + (160 * i) / n, i % 2 ? y0 + h * (0.7 + 0.3 * r()) : y0 + h * 0.3 * r());
    } else if (kind === 2) {  // spiral, 1.5-3 turns
      const turns = 1.5 + 1.5 * r();
      const a0 = r() * 6.28;
      for (let t = 0; t <= 1; t += 0.01) {
        const a = a0 + t * turns * 6.28;
        const rad = 8 + 75 * t;
        const x = 100 + rad * Math.cos(a);
        const y = 100 + rad * Math.sin(a) * (0.6 + 0.4 * r());
        if (t === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      }
    } else if (kind === 3) {  // 3-6 separate random strokes
      const n = 3 + Math.floor(r() * 4);
      for (let i = 0; i < n; i++) {
        ctx.moveTo(...P());
        const c = P();
        const q = P();
        ctx.quadraticCurveTo(c[0], c[1], q[0], q[1]);
      }
    } else if (kind === 4) {  // hatching or a grid
      const n = 3 + Math.floor(r() * 3);
      const grid = r() < 0.5;
      for (let i = 0; i < n; i++) {
        const v = 30 + (140 * i) / (n - 1);
        ctx.moveTo(30, v + 20 * (r() - 0.5));
        ctx.lineTo(170, v + 20 * (r() - 0.5));
        if (grid) {
          ctx.moveTo(v + 20 * (r() - 0.5), 30);
          ctx.lineTo(v + 20 * (r() - 0.5), 170);
        }
      }
    } else {  // a shape with marks: box, triangle or star
      const n = [3, 4, 5][Math.floor(r() * 3)];
      const step = n === 5 ? 2 : 1;
      const a0 = r() * 6.28;
      for (let i = 0; i <= n; i++) {
        const a = a0 + ((i * step) % n) * (6.28 / n);
        const x = 100 + 70 * Math.cos(a);
        const y = 100 + 70 * Math.sin(a);
        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      }
      if (r() < 0.5) {
        ctx.moveTo(...P());
        ctx.lineTo(...P());
      }
    }
    ctx.stroke();
  }
  let made = 0;
  for (let i = 0; i < count; i++) {
    const r = rng(seed * 1000003 + start + i);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, W, W);
    ctx.fillStyle = '#000';
    ctx.strokeStyle = '#000';
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const isGlyph = r() < glyphShare;
    if (isGlyph) glyph(r); else scribble(r);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    const out = reader.read(ctx.getImageData(0, 0, W, W).data, W, W);
    if (!out.hasInk) continue;
    for (let p = 0; p < 784; p++) bytes[made * 784 + p] = Math.round(out.image[p] * 255);
    kinds.push(isGlyph ? 0 : 1);
    made++;
  }
  reader.delete();
  let s = '';
  for (let k = 0; k < made * 784; k++) s += String.fromCharCode(bytes[k]);
  return { data: btoa(s), kinds };
}

async function main() {
  const set = parseArgs(process.argv.slice(2));
  const glyphList = glyphs(set);
  console.log(`${set.name}: ${glyphList.length} (font, character) pairs from ${set.fonts.length} fonts`);
  const root = resolve(new URL('..', import.meta.url).pathname);
  const server = await startServer({ dir: join(root, 'site') });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = await mkdtemp(join(tmpdir(), 'weightlab-nondigits-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(async () => { await window.weightlab; });
    const pixels = new Uint8Array(set.count * 784);
    const labels = [];
    const BATCH = 500;
    for (let start = 0; labels.length < set.count; start += BATCH) {
      const { data, kinds } = await page.evaluate(drawBatch,
        { seed: set.seed, start, count: BATCH, glyphList, glyphShare: 0.7 });
      const got = Buffer.from(data, 'base64');
      const take = Math.min(kinds.length, set.count - labels.length);
      got.copy(pixels, labels.length * 784, 0, take * 784);
      labels.push(...kinds.slice(0, take));
    }
    await writeFile(join(root, set.out), wld(pixels, labels));
    const glyphCount = labels.filter((k) => k === 0).length;
    console.log(`wrote ${set.out}: ${labels.length} images (${glyphCount} glyphs, ${labels.length - glyphCount} scribbles)`);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    server.close();
  }
}

await main();
