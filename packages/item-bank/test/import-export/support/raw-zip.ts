import { crc32, deflateRawSync } from 'node:zlib';

/*
 * A minimal zip writer for tests that must produce what yazl refuses to: `../` names,
 * absolute paths, symlinks, lying size fields, bombs deflated piece by piece.
 */

export interface RawZipEntry {
  name: string;
  /** The content (ignored when `deflated` gives it already compressed). */
  data?: Uint8Array;
  deflate?: boolean;
  /** Already deflated (raw): its body, the CRC-32 and size of what it inflates to. */
  deflated?: { readonly body: Uint8Array; readonly crc: number; readonly size: number };
  symlink?: boolean;
  /** Override the uncompressed size written in both headers (to lie about it). */
  declaredSize?: number;
}

export function buildRawZip(entries: readonly RawZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.data ?? new Uint8Array();
    const body =
      entry.deflated !== undefined
        ? Buffer.from(entry.deflated.body)
        : entry.deflate === true
          ? deflateRawSync(data)
          : Buffer.from(data);
    const crc = entry.deflated?.crc ?? crc32(data);
    const size = entry.declaredSize ?? entry.deflated?.size ?? data.byteLength;
    const method = entry.deflate === true || entry.deflated !== undefined ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    const mode = entry.symlink === true ? 0o120777 : 0o100644;
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}
