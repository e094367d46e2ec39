/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png): a green rounded
 * square holding ledger rows and a white check mark. Office asks for 16, 32
 * and 80 px ribbon images, a 32 px IconUrl and a 64 px HighResolutionIconUrl.
 *
 * Written with zlib only, so the icons need no image library. Run once with
 * `npx ts-node --transpile-only scripts/make-icons.ts`; the PNGs are committed.
 */
import fs from "fs";
import path from "path";
import zlib from "zlib";

export const ICON_SIZES = [16, 32, 64, 80] as const;
const ASSETS_DIR = path.join(__dirname, "..", "assets");

type Rgba = [number, number, number, number];
type Point = [number, number];

const GREEN_TOP: Rgba = [46, 139, 87, 255];
const GREEN_BOTTOM: Rgba = [24, 102, 62, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const ROW_WHITE: Rgba = [255, 255, 255, 200];

/** Signed distance from p to a rounded square centred in the unit square. */
function roundedSquareDistance([x, y]: Point, inset: number, radius: number): number {
  const half = 0.5 - inset;
  const qx = Math.abs(x - 0.5) - (half - radius);
  const qy = Math.abs(y - 0.5) - (half - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function segmentDistance([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

interface Stroke {
  points: Point[];
  halfWidth: number;
  colour: Rgba;
}

/**
 * The glyph at one size. Below 32 px the ledger rows would blur into the
 * check, so the 16 px icon is the check alone, drawn larger.
 */
function glyph(size: number): { inset: number; strokes: Stroke[] } {
  if (size < 32) {
    return {
      inset: 0,
      strokes: [{ points: [[0.2, 0.52], [0.42, 0.74], [0.8, 0.28]], halfWidth: 0.1, colour: WHITE }],
    };
  }
  const row = (y: number, to: number): Stroke => ({ points: [[0.2, y], [to, y]], halfWidth: 0.045, colour: ROW_WHITE });
  return {
    inset: 0.03,
    strokes: [
      row(0.27, 0.72),
      row(0.43, 0.6),
      row(0.59, 0.32),
      row(0.75, 0.4),
      { points: [[0.46, 0.6], [0.6, 0.74], [0.84, 0.4]], halfWidth: 0.075, colour: WHITE },
    ],
  };
}

function over(under: Rgba, top: Rgba): Rgba {
  const a = top[3] / 255;
  return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(255) as Rgba;
}

/** The colour of one sample point, transparent outside the rounded square. */
function sample(p: Point, { inset, strokes }: ReturnType<typeof glyph>): Rgba {
  if (roundedSquareDistance(p, inset, 0.2) > 0) return [0, 0, 0, 0];
  const t = p[1];
  let colour = [0, 1, 2].map((i) => GREEN_TOP[i] * (1 - t) + GREEN_BOTTOM[i] * t).concat(255) as Rgba;
  for (const stroke of strokes) {
    for (let i = 0; i + 1 < stroke.points.length; i++) {
      if (segmentDistance(p, stroke.points[i], stroke.points[i + 1]) <= stroke.halfWidth) {
        colour = over(colour, stroke.colour);
        break;
      }
    }
  }
  return colour;
}

/** RGBA pixels, row by row, anti-aliased by averaging an 8×8 grid of samples. */
export function drawIcon(size: number): Buffer {
  const grid = 8;
  const shape = glyph(size);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const c = sample([(x + (sx + 0.5) / grid) / size, (y + (sy + 0.5) / grid) / size], shape);
          const a = c[3] / 255;
          sum[0] += c[0] * a;
          sum[1] += c[1] * a;
          sum[2] += c[2] * a;
          sum[3] += c[3];
        }
      }
      const n = grid * grid;
      const alpha = sum[3] / n;
      const o = (y * size + x) * 4;
      // Colours were summed premultiplied; un-premultiply for PNG's straight alpha.
      const unpremultiply = alpha > 0 ? 255 / alpha / n : 0;
      pixels[o] = Math.round(sum[0] * unpremultiply);
      pixels[o + 1] = Math.round(sum[1] * unpremultiply);
      pixels[o + 2] = Math.round(sum[2] * unpremultiply);
      pixels[o + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA, non-interlaced PNG of the given pixels. */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export function makeIcons(dir = ASSETS_DIR): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  for (const file of makeIcons()) console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
