import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** An RGB PNG drawn pixel by pixel, without an image library (test papers, sample photos). */
export function encodeRgbPng(width: number, height: number, pixel: (x: number, y: number) => Rgb) {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0 (none), then RGB
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      row.writeUInt8(r, 1 + x * 3);
      row.writeUInt8(g, 2 + x * 3);
      row.writeUInt8(b, 3 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A small wiring-diagram-like PNG (a blue frame with a bar) for test papers: real image bytes
 * that go through the package, the sealed paper and the kiosk's data: URL.
 */
export function diagramPng(width = 160, height = 80): { bytes: Buffer; hash: string } {
  const bytes = encodeRgbPng(width, height, (x, y) => {
    const frame = x < 3 || y < 3 || x >= width - 3 || y >= height - 3;
    const bar = y > height / 2 - 4 && y < height / 2 + 4 && x > 20 && x < width - 20;
    return frame || bar ? [31, 95, 191] : [240, 244, 250];
  });
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex') };
}
