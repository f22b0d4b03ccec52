// Draws Reckon's app icon (resources/build/icon.png, 512×512) with nothing but
// Node's zlib: a dark rounded square with a small bar chart whose tallest bar is
// highlighted, i.e. "the number that stands out". electron-builder derives the
// .icns / .ico / Linux sizes from it. Run: node resources/build/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

const BACKGROUND = [0x1c, 0x26, 0x33];
const BAR = [0xe9, 0xe6, 0xdd];
const ACCENT = [0xe8, 0xa8, 0x3a];

const inRoundedRect = (x, y, left, top, right, bottom, radius) => {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};

// Four bars on a baseline; the third is the highlighted one.
const baseline = 392;
const bars = [
  { left: 112, height: 120, color: BAR },
  { left: 190, height: 196, color: BAR },
  { left: 268, height: 268, color: ACCENT },
  { left: 346, height: 158, color: BAR },
].map((bar) => ({ ...bar, right: bar.left + 54, top: baseline - bar.height }));

/** Colour and coverage of one sample point. */
function sample(x, y) {
  if (!inRoundedRect(x, y, 16, 16, SIZE - 16, SIZE - 16, 96)) return null;
  for (const bar of bars) {
    if (inRoundedRect(x, y, bar.left, bar.top, bar.right, baseline, 10)) return bar.color;
  }
  if (x >= 96 && x <= SIZE - 96 && y >= baseline + 14 && y <= baseline + 24) return BAR;
  return BACKGROUND;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, covered = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const color = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!color) continue;
        r += color[0]; g += color[1]; b += color[2]; covered++;
      }
    }
    const at = row + 1 + px * 4;
    if (covered) {
      raw[at] = Math.round(r / covered);
      raw[at + 1] = Math.round(g / covered);
      raw[at + 2] = Math.round(b / covered);
    }
    raw[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('./icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
