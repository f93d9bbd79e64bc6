// Draws the site's mark (a plain Turtle Tower, Tháp Rùa, on Hoàn Kiếm lake)
// and writes every identity file from the one drawing, so they never drift:
//   public/favicon.svg        the favicon browsers prefer
//   public/favicon.ico        for browsers and tools that ask for /favicon.ico (a PNG inside an ICO)
//   public/favicon-32.png     PNG fallback for browsers without SVG favicons
//   public/apple-touch-icon.png  180 px, full-bleed (iOS rounds the corners itself)
//   public/logo.svg           the mark with the site's name beside it
// The machines have no image tools, so the PNGs are rasterised here: a shape
// is a polygon or a circle, each pixel sampled 8×8 times for smooth edges.
//   npx tsx scripts/make-icons.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";

type Colour = string;
type Shape = { fill: Colour } & (
  | { kind: "poly"; points: [number, number][] }
  | { kind: "circle"; cx: number; cy: number; r: number }
);

const RED = "#9b1c1c";
const GOLD = "#fcd34d";

// On a 32×32 grid. Later shapes paint over earlier ones.
const rect = (x1: number, y1: number, x2: number, y2: number, fill: Colour): Shape => ({
  kind: "poly",
  fill,
  points: [
    [x1, y1],
    [x2, y1],
    [x2, y2],
    [x1, y2],
  ],
});
const MARK: Shape[] = [
  // The lake: two bands of water.
  rect(4, 25.5, 28, 27, GOLD),
  rect(7, 28, 25, 29, GOLD),
  // Ground floor, with its arched gate.
  rect(9, 17.5, 23, 24.5, GOLD),
  rect(14.25, 20.5, 17.75, 24.5, RED),
  { kind: "circle", cx: 16, cy: 20.5, r: 1.75, fill: RED },
  // First roof, curving out at the eaves.
  {
    kind: "poly",
    fill: GOLD,
    points: [
      [6.5, 15.5],
      [9.5, 16.5],
      [22.5, 16.5],
      [25.5, 15.5],
      [24, 17.5],
      [8, 17.5],
    ],
  },
  // First floor.
  rect(11.5, 11.5, 20.5, 16.5, GOLD),
  rect(15, 12.75, 17, 15, RED),
  // Second roof.
  {
    kind: "poly",
    fill: GOLD,
    points: [
      [8.5, 9.75],
      [11, 10.5],
      [21, 10.5],
      [23.5, 9.75],
      [22.25, 11.5],
      [9.75, 11.5],
    ],
  },
  // Top floor and its roof.
  rect(13.5, 6.5, 18.5, 10.5, GOLD),
  {
    kind: "poly",
    fill: GOLD,
    points: [
      [11, 5],
      [16, 3],
      [21, 5],
      [19.5, 6.5],
      [12.5, 6.5],
    ],
  },
];

function svgShapes(shapes: Shape[]): string {
  return shapes
    .map((s) =>
      s.kind === "circle"
        ? `<circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${s.fill}"/>`
        : `<path d="M${s.points.map(([x, y]) => `${x} ${y}`).join("L")}Z" fill="${s.fill}"/>`,
    )
    .join("");
}

function markSvg(options: { title: string; rounded: boolean }): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" role="img" aria-labelledby="t"><title id="t">${options.title}</title>` +
    `<rect width="32" height="32"${options.rounded ? ' rx="6"' : ""} fill="${RED}"/>${svgShapes(MARK)}</svg>\n`
  );
}

function logoSvg(): string {
  // The mark, then the name in two lines; text in the site's font with safe fallbacks.
  const font = `font-family="'Be Vietnam Pro','Segoe UI',Roboto,Arial,sans-serif"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 48" role="img" aria-labelledby="t"><title id="t">Sàn Giao dịch Công nghệ Hà Nội — Hanoi Tech Exchange</title>` +
    `<g transform="translate(4 4) scale(1.25)"><rect width="32" height="32" rx="6" fill="${RED}"/>${svgShapes(
      MARK,
    )}</g>` +
    `<text x="54" y="21" ${font} font-size="15" font-weight="700" fill="#0b0c0c">Sàn Giao dịch Công nghệ</text>` +
    `<text x="54" y="39" ${font} font-size="13" font-weight="600" fill="${RED}">Hà Nội · Hanoi Tech Exchange</text></svg>\n`
  );
}

// ---- Rasterising -----------------------------------------------------------

function parseColour(hex: string): [number, number, number] {
  return [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
}

function inside(shape: Shape, x: number, y: number): boolean {
  if (shape.kind === "circle") return (x - shape.cx) ** 2 + (y - shape.cy) ** 2 <= shape.r ** 2;
  let hit = false;
  const p = shape.points;
  for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
    const [xi, yi] = p[i]!;
    const [xj, yj] = p[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  if (radius === 0) return true;
  const cx = Math.min(Math.max(x, radius), 32 - radius);
  const cy = Math.min(Math.max(y, radius), 32 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** RGBA pixels of the mark at `size` px; outside a rounded corner is transparent. */
function rasterise(size: number, cornerRadius: number): Buffer {
  const SAMPLES = 8;
  const pixels = Buffer.alloc(size * size * 4);
  const background = parseColour(RED);
  const fills = MARK.map((s) => parseColour(s.fill));
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, covered] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = ((px + (sx + 0.5) / SAMPLES) * 32) / size;
          const y = ((py + (sy + 0.5) / SAMPLES) * 32) / size;
          if (!insideRoundedSquare(x, y, cornerRadius)) continue;
          let colour = background;
          for (let i = MARK.length - 1; i >= 0; i--) {
            if (inside(MARK[i]!, x, y)) {
              colour = fills[i]!;
              break;
            }
          }
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered) {
        pixels[o] = Math.round(r / covered);
        pixels[o + 1] = Math.round(g / covered);
        pixels[o + 2] = Math.round(b / covered);
      }
      pixels[o + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
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

function png(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An ICO holding one PNG image (read by every browser since 2010). */
function ico(size: number, image: Buffer): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size % 256, 6);
  header.writeUInt8(size % 256, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, image]);
}

const publicDir = path.resolve("public");
const favicon32 = png(32, rasterise(32, 6));
writeFileSync(path.join(publicDir, "favicon.svg"), markSvg({ title: "Sàn Giao dịch Công nghệ Hà Nội", rounded: true }));
writeFileSync(path.join(publicDir, "favicon-32.png"), favicon32);
writeFileSync(path.join(publicDir, "favicon.ico"), ico(32, favicon32));
writeFileSync(path.join(publicDir, "apple-touch-icon.png"), png(180, rasterise(180, 0)));
writeFileSync(path.join(publicDir, "logo.svg"), logoSvg());
console.log("wrote favicon.svg, favicon-32.png, favicon.ico, apple-touch-icon.png, logo.svg in public/");
