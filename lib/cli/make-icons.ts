/**
 * Draws the toolbar icons (a lens ring over a two-tone square) and writes them
 * as PNG files to assets/public/icon/. Run with `npm run icons`; the output is
 * committed, so builds need no image tooling.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const SIZES = [16, 32, 48, 128] as const;

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** Anti-aliased coverage of a pixel by a shape, by 4×4 supersampling. */
function coverage(x: number, y: number, inside: (px: number, py: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

function draw(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const r = size * 0.2; // corner radius
  const inSquare = (x: number, y: number) => {
    const dx = Math.max(r - x, x - (size - r), 0);
    const dy = Math.max(r - y, y - (size - r), 0);
    return dx * dx + dy * dy <= r * r;
  };
  const cx = size * 0.44;
  const cy = size * 0.44;
  const outer = size * 0.27;
  const inner = size * 0.17;
  const inRing = (x: number, y: number) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= outer && d >= inner;
  };
  const inHandle = (x: number, y: number) => {
    // A thick segment from the ring towards the bottom-right corner.
    const t = (x - cx + (y - cy)) / 2;
    const off = Math.abs(x - cx - (y - cy)) / Math.SQRT2;
    return t >= outer * 0.6 && t <= size * 0.4 && off <= size * 0.07;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const bg = coverage(x, y, inSquare);
      const fg = coverage(x, y, (a, b) => inRing(a, b) || inHandle(a, b));
      // Diagonal split: crimson top-left, deep blue bottom-right.
      const topLeft = x + y < size;
      const base = topLeft ? [178, 34, 52] : [29, 53, 120];
      const o = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) px[o + c] = Math.round(base[c]! * (1 - fg) + 255 * fg);
      px[o + 3] = Math.round(255 * bg);
    }
  }
  return px;
}

const outDir = resolve(import.meta.dirname, '../../assets/public/icon');
mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = resolve(outDir, `${size}.png`);
  writeFileSync(file, encodePng(size, draw(size)));
  console.log(file);
}
