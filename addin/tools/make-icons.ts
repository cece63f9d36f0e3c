/**
 * Writes the ribbon and catalogue icons (addin/assets/icon-{16,32,64,80}.png): a teal rounded
 * square with a white health cross. Run once with `npx tsx addin/tools/make-icons.ts`; the PNGs are
 * committed, so the build needs no image tools.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { crc32, deflateSync } from "node:zlib";

const SIZES = [16, 32, 64, 80] as const;
const TEAL: Rgba = [0x0f, 0x7b, 0x6c, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
type Rgba = [number, number, number, number];

/** Colour of the point (x, y) in a unit square: rounded tile, cross on top, transparent outside. */
function shade(x: number, y: number): Rgba | null {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const arm = 0.11;
  const len = 0.3;
  const inBar = (a: number, b: number) => Math.abs(a - 0.5) <= arm && Math.abs(b - 0.5) <= len;
  return inBar(x, y) || inBar(y, x) ? WHITE : TEAL;
}

/** RGBA pixels with 4×4 supersampling, so small sizes keep soft edges. */
function render(size: number): Buffer {
  const ss = 4;
  const px = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((pxl + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (!c) continue;
          for (let k = 0; k < 3; k++) acc[k]! += c[k]! * c[3];
          acc[3]! += c[3];
        }
      }
      const n = ss * ss;
      const a = acc[3]! / n;
      const o = (py * size + pxl) * 4;
      for (let k = 0; k < 3; k++) px[o + k] = a === 0 ? 0 : Math.round(acc[k]! / acc[3]!);
      px[o + 3] = Math.round(a);
    }
  }
  return px;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export function png(size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const px = render(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of SIZES) {
    const out = fileURLToPath(new URL(`../assets/icon-${size}.png`, import.meta.url));
    writeFileSync(out, png(size));
    console.log(out);
  }
}
