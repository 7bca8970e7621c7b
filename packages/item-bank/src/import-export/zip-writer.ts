import { crc32, deflateRawSync } from 'node:zlib';

/*
 * Builds a zip in memory: deflate (or store, for already-compressed pictures) each entry
 * synchronously, UTF-8 names, a fixed timestamp so the same content gives the same bytes, and
 * ZIP64 end records when there are more than 65,535 entries (a QTI export of a large bank).
 * Written by hand instead of with yazl: yazl's per-entry async deflate cost ~1 ms per entry.
 */

export interface ZipWriteOptions {
  /** Always write the ZIP64 end records (tests; otherwise only when needed). */
  forceZip64?: boolean;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1; // 2000-01-01
const UTF8_FLAG = 0x800;
const MAX_32 = 0xffffffff;
const MAX_16 = 0xffff;
const STORED_EXTENSIONS = /\.(png|jpe?g|gif|webp|zip|gz|xlsx)$/i;

function localHeader(
  name: Buffer,
  method: number,
  crc: number,
  compressed: number,
  size: number,
): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(UTF8_FLAG, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(DOS_TIME, 10);
  header.writeUInt16LE(DOS_DATE, 12);
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return header;
}

function centralHeader(
  name: Buffer,
  method: number,
  crc: number,
  compressed: number,
  size: number,
  offset: number,
): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE((3 << 8) | 20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(UTF8_FLAG, 8);
  header.writeUInt16LE(method, 10);
  header.writeUInt16LE(DOS_TIME, 12);
  header.writeUInt16LE(DOS_DATE, 14);
  header.writeUInt32LE(crc, 16);
  header.writeUInt32LE(compressed, 20);
  header.writeUInt32LE(size, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE((0o100644 << 16) >>> 0, 38);
  header.writeUInt32LE(offset, 42);
  return header;
}

function zip64End(count: number, centralSize: number, centralOffset: number): Buffer {
  const record = Buffer.alloc(56 + 20);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE((3 << 8) | 45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(centralSize), 40);
  record.writeBigUInt64LE(BigInt(centralOffset), 48);
  record.writeUInt32LE(0x07064b50, 56);
  record.writeBigUInt64LE(BigInt(centralOffset + centralSize), 64);
  record.writeUInt32LE(1, 72);
  return record;
}

function endRecord(
  count: number,
  centralSize: number,
  centralOffset: number,
  zip64: boolean,
): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? MAX_16 : count, 8);
  end.writeUInt16LE(zip64 ? MAX_16 : count, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(centralOffset, 16);
  return end;
}

export function writeZip(
  entries: ReadonlyMap<string, Uint8Array>,
  options: ZipWriteOptions = {},
): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [entryName, data] of entries) {
    const name = Buffer.from(entryName, 'utf8');
    const store = STORED_EXTENSIONS.test(entryName) || data.byteLength === 0;
    const body = store
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : deflateRawSync(data);
    const method = store ? 0 : 8;
    const crc = crc32(data) >>> 0;
    if (data.byteLength >= MAX_32 || offset + body.length >= MAX_32) {
      return Promise.reject(new RangeError('zip larger than 4 GB is not supported'));
    }
    parts.push(localHeader(name, method, crc, body.length, data.byteLength), name, body);
    central.push(centralHeader(name, method, crc, body.length, data.byteLength, offset), name);
    offset += 30 + name.length + body.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const zip64 = options.forceZip64 === true || entries.size > MAX_16;
  const tail = zip64
    ? [
        zip64End(entries.size, centralSize, offset),
        endRecord(entries.size, centralSize, offset, true),
      ]
    : [endRecord(entries.size, centralSize, offset, false)];
  return Promise.resolve(new Uint8Array(Buffer.concat([...parts, ...central, ...tail])));
}
