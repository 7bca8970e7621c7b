import { errorMessage } from '@skillexam/shared';
import { Inflate } from 'fflate';
import { Readable } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { isBytes, openByteSource, type ByteSource, type ItemFileSource } from './byte-source';
import {
  checkZipEntry,
  DEFAULT_ZIP_LIMITS,
  RATIO_FLOOR_BYTES,
  type ZipLimits,
  type ZipRefusalKind,
} from './safe-zip-reader';

/*
 * A zip read without holding its inflated entries: the central directory is listed (yauzl),
 * every entry is checked like readZipSafely checks it (names, symlinks, encryption, entry
 * count, total size and ratio enforced on the inflated bytes, declared size and CRC-32) by
 * inflating it in chunks and dropping the output, and afterwards an entry can be read whole
 * (small parts) or streamed chunk by chunk, synchronously (fflate's streaming Inflate).
 */

export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly headerOffset: number;
}

export class ZipEntryRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly entry?: string,
    readonly kind: ZipRefusalKind = 'invalid',
  ) {
    super(reason);
  }
}

/** Compressed bytes pushed to the inflater at a time: bounds one inflated piece (≤ 1032×). */
const COMPRESSED_CHUNK = 16 * 1024;
/** Entries up to this size (inflated and compressed) are inflated in one native call. */
const SMALL_ENTRY = 1024 * 1024;

/** yauzl reads the central directory through the same ByteSource (no file access of its own). */
class ByteSourceReader extends yauzl.RandomAccessReader {
  constructor(private readonly bytes: ByteSource) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from([Buffer.from(this.bytes.read(start, end - start))]);
  }
}

function openYauzl(source: ItemFileSource, bytes: ByteSource): Promise<yauzl.ZipFile> {
  const options = {
    lazyEntries: true,
    decodeStrings: false,
    validateEntrySizes: false,
    autoClose: false,
  } as const;
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip: yauzl.ZipFile) =>
      error ? reject(error) : resolve(zip);
    if (isBytes(source)) {
      yauzl.fromBuffer(
        Buffer.from(source.buffer, source.byteOffset, source.byteLength),
        options,
        done,
      );
    } else {
      yauzl.fromRandomAccessReader(new ByteSourceReader(bytes), bytes.size, options, done);
    }
  });
}

async function listEntries(
  source: ItemFileSource,
  bytes: ByteSource,
  limits: ZipLimits,
): Promise<ZipEntryInfo[]> {
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await openYauzl(source, bytes);
  } catch (error) {
    const detail = errorMessage(error);
    throw new ZipEntryRefusal(`不是有效的 zip 文件：${detail}`);
  }
  try {
    if (zipfile.entryCount > limits.maxEntries) {
      throw new ZipEntryRefusal(
        `zip 条目过多：${zipfile.entryCount} 个，上限 ${limits.maxEntries}`,
        undefined,
        'too_large',
      );
    }
    const entries: ZipEntryInfo[] = [];
    const names = new Set<string>();
    await new Promise<void>((resolve, reject) => {
      zipfile.on('error', (error: Error) =>
        reject(new ZipEntryRefusal(`zip 结构损坏：${error.message}`)),
      );
      zipfile.on('end', () => resolve());
      zipfile.on('entry', (entry: yauzl.Entry) => {
        const { name, refusal } = checkZipEntry(entry, (seen) => names.has(seen));
        if (refusal !== undefined) return reject(new ZipEntryRefusal(refusal, name, 'unsafe'));
        names.add(name);
        if (!name.endsWith('/')) {
          entries.push({
            name,
            method: entry.compressionMethod,
            compressedSize: entry.compressedSize,
            size: entry.uncompressedSize,
            crc: entry.crc32 >>> 0,
            headerOffset: entry.relativeOffsetOfLocalHeader,
          });
        }
        zipfile.readEntry();
        return undefined;
      });
      zipfile.readEntry();
    });
    return entries;
  } finally {
    zipfile.close();
  }
}

/** A checked zip: entries by name, readable synchronously until closed. */
export class CheckedZip {
  private constructor(
    private readonly bytes: ByteSource,
    readonly entries: ReadonlyMap<string, ZipEntryInfo>,
  ) {}

  /**
   * Lists and checks every entry; `onChunk` sees each entry's inflated bytes during the check
   * (to scan them without a second pass). Throws ZipEntryRefusal.
   */
  static async open(
    source: ItemFileSource,
    limits: ZipLimits = DEFAULT_ZIP_LIMITS,
    onChunk?: (entry: string, chunk: Uint8Array, last: boolean) => void,
  ): Promise<CheckedZip> {
    const bytes = openByteSource(source);
    let list: ZipEntryInfo[];
    try {
      list = await listEntries(source, bytes, limits);
    } catch (error) {
      bytes.close();
      throw error;
    }
    const zip = new CheckedZip(bytes, new Map(list.map((e) => [e.name, e])));
    try {
      const budget = { remaining: limits.maxTotalBytes };
      for (const entry of list) {
        if (entry.size > budget.remaining) {
          throw new ZipEntryRefusal(
            `解压后总大小超过上限 ${limits.maxTotalBytes} 字节（疑似压缩炸弹）`,
            entry.name,
            'too_large',
          );
        }
        let size = 0;
        for (const chunk of zip.inflate(entry, limits, budget)) {
          size += chunk.length;
          onChunk?.(entry.name, chunk, false);
        }
        onChunk?.(entry.name, new Uint8Array(0), true);
        budget.remaining -= size;
      }
    } catch (error) {
      zip.close();
      throw error;
    }
    return zip;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** An entry's inflated size (0 when there is no such entry). */
  size(name: string): number {
    return this.entries.get(name)?.size ?? 0;
  }

  /** A whole (small) entry. */
  read(name: string): Uint8Array {
    const chunks = [...this.stream(name)];
    return chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks);
  }

  /** An entry's inflated bytes, a piece at a time (entries were checked when opening). */
  *stream(name: string): Generator<Uint8Array> {
    const entry = this.entries.get(name);
    if (entry === undefined) throw new ZipEntryRefusal('缺少条目', name);
    yield* this.inflate(
      entry,
      { ...DEFAULT_ZIP_LIMITS, maxRatio: Number.POSITIVE_INFINITY },
      {
        remaining: Number.POSITIVE_INFINITY,
      },
    );
  }

  close(): void {
    this.bytes.close();
  }

  private dataStart(entry: ZipEntryInfo): number {
    const header = this.bytes.read(entry.headerOffset, 30);
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    if (header.length < 30 || view.getUint32(0, true) !== 0x04034b50) {
      throw new ZipEntryRefusal('本地文件头损坏', entry.name);
    }
    return entry.headerOffset + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  }

  /** A small entry in one native call, capped like the streamed ones. */
  private inflateSmall(
    entry: ZipEntryInfo,
    start: number,
    cap: number,
    tooLarge: () => ZipEntryRefusal,
  ): Uint8Array {
    const raw = this.bytes.read(start, entry.compressedSize);
    if (raw.length < entry.compressedSize) {
      throw new ZipEntryRefusal('条目数据不完整（文件损坏）', entry.name);
    }
    let data: Buffer;
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(cap, entry.size + 1)) });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        if (cap <= entry.size) throw tooLarge();
        throw new ZipEntryRefusal(`解压后大小超过声明的 ${entry.size}（文件损坏）`, entry.name);
      }
      const detail = errorMessage(error);
      throw new ZipEntryRefusal(`解压失败：${detail}`, entry.name);
    }
    if (data.length > cap) throw tooLarge();
    if (data.length !== entry.size) {
      throw new ZipEntryRefusal(
        `解压后大小 ${data.length} 与声明的 ${entry.size} 不符（文件损坏）`,
        entry.name,
      );
    }
    if (crc32(data) >>> 0 !== entry.crc) {
      throw new ZipEntryRefusal('CRC 校验失败（文件损坏）', entry.name);
    }
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }

  private *inflate(
    entry: ZipEntryInfo,
    limits: ZipLimits,
    budget: { remaining: number },
  ): Generator<Uint8Array> {
    const ratioCap = Math.max(RATIO_FLOOR_BYTES, entry.compressedSize * limits.maxRatio);
    const cap = Math.min(budget.remaining, ratioCap, limits.maxEntryBytes ?? Infinity);
    const tooLarge = () =>
      new ZipEntryRefusal(
        cap === budget.remaining
          ? `解压后总大小超过上限 ${limits.maxTotalBytes} 字节（疑似压缩炸弹）`
          : cap === limits.maxEntryBytes
            ? `条目解压后超过上限 ${limits.maxEntryBytes} 字节`
            : `压缩比超过 ${limits.maxRatio}:1（疑似压缩炸弹）`,
        entry.name,
        'too_large',
      );
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ZipEntryRefusal(`不支持的压缩方法 ${entry.method}`, entry.name);
    }
    const start = this.dataStart(entry);
    if (entry.method === 8 && entry.size <= SMALL_ENTRY && entry.compressedSize <= SMALL_ENTRY) {
      yield this.inflateSmall(entry, start, cap, tooLarge);
      return;
    }
    let size = 0;
    let crc = 0;
    let pending: Uint8Array[] = [];
    const inflater = new Inflate((chunk) => pending.push(chunk));
    for (let offset = 0; offset < entry.compressedSize; offset += COMPRESSED_CHUNK) {
      const length = Math.min(COMPRESSED_CHUNK, entry.compressedSize - offset);
      const raw = this.bytes.read(start + offset, length);
      if (raw.length < length) throw new ZipEntryRefusal('条目数据不完整（文件损坏）', entry.name);
      if (entry.method === 0) pending.push(raw);
      else {
        try {
          inflater.push(raw, offset + length >= entry.compressedSize);
        } catch (error) {
          const detail = errorMessage(error);
          throw new ZipEntryRefusal(`解压失败：${detail}`, entry.name);
        }
      }
      const out = pending;
      pending = [];
      for (const chunk of out) {
        size += chunk.length;
        if (size > cap) throw tooLarge();
        crc = crc32(chunk, crc);
        yield chunk;
      }
    }
    if (entry.method === 8 && entry.compressedSize === 0) {
      throw new ZipEntryRefusal('解压失败：条目为空', entry.name);
    }
    if (size !== entry.size) {
      throw new ZipEntryRefusal(
        `解压后大小 ${size} 与声明的 ${entry.size} 不符（文件损坏）`,
        entry.name,
      );
    }
    if (crc >>> 0 !== entry.crc) throw new ZipEntryRefusal('CRC 校验失败（文件损坏）', entry.name);
  }
}
