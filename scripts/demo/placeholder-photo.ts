import { deflateSync } from 'node:zlib';

/*
 * Placeholder ID photos for the sample roster: a plain PNG (blue background, a grey head and
 * shoulders), written without an image library. Real rosters carry the candidates' photos.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 120×160 RGB PNG; `hue` (0–1) shifts the background so photos are told apart. */
export function placeholderPhoto(hue: number): Buffer {
  const width = 120;
  const height = 160;
  const background = [60 + Math.round(60 * hue), 120, 200 - Math.round(60 * hue)] as const;
  const person = [200, 200, 205] as const;
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0 (none) + RGB pixels
    for (let x = 0; x < width; x++) {
      const head = (x - 60) ** 2 / 26 ** 2 + (y - 62) ** 2 / 32 ** 2 <= 1;
      const shoulders = y > 112 && (x - 60) ** 2 / 52 ** 2 + (y - 165) ** 2 / 55 ** 2 <= 1;
      const [r, g, b] = head || shoulders ? person : background;
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
  header.writeUInt8(2, 9); // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
