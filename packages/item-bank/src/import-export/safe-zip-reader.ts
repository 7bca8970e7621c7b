import { errorMessage } from '@skillexam/shared';
import iconv from 'iconv-lite';
import { crc32, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

/*
 * Reads a zip (bank package, QTI package) from memory, defensively:
 * - entry names with `..`, absolute paths, backslashes or drive letters (zip-slip) are refused;
 * - symlinks are refused; encrypted entries are refused;
 * - too many entries, too many bytes in total, or a compression ratio only a bomb has are
 *   refused — enforced by zlib's output cap while inflating, not trusted from the declared
 *   sizes; the inflated bytes must then match the declared size and CRC-32.
 * Names are UTF-8 when flagged, else UTF-8 if valid, else GBK (Chinese Windows zips).
 */

export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Largest single entry after inflating (default: only the total counts). */
  maxEntryBytes?: number;
  /** Largest uncompressed/compressed ratio accepted for entries over 1 MB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
};

export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** Why a zip was refused: not a zip / damaged, an unsafe entry, or too big (bomb). */
export type ZipRefusalKind = 'invalid' | 'unsafe' | 'too_large';

export type ZipReadResult =
  | { ok: true; entries: Map<string, Uint8Array> }
  | { ok: false; kind: ZipRefusalKind; entry?: string; reason: string };

class ZipRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly entry?: string,
    readonly kind: ZipRefusalKind = 'invalid',
  ) {
    super(reason);
  }
}

export function decodeName(raw: unknown, utf8Flag: boolean): string {
  if (typeof raw === 'string') return raw;
  if (!(raw instanceof Uint8Array)) return String(raw);
  if (utf8Flag) return new TextDecoder('utf-8').decode(raw);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return iconv.decode(Buffer.from(raw), 'gbk');
  }
}

/** Why an entry name is unsafe to use as a path, or undefined when it is fine. */
export function unsafeEntryName(name: string): string | undefined {
  if (name === '') return '条目名称为空';
  if (name.includes('\\')) return '条目路径含有反斜杠';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return '条目路径含有控制字符';
  if (name.startsWith('/')) return '条目是绝对路径';
  if (/^[A-Za-z]:/.test(name)) return '条目路径含有盘符';
  const parts = name.split('/');
  if (parts.some((part) => part === '..')) return '条目路径含有“..”（路径穿越）';
  if (parts.slice(0, -1).some((part) => part === '' || part === '.'))
    return '条目路径含有空段或“.”';
  return undefined;
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: false },
      (error, zipfile) => (error ? reject(error) : resolve(zipfile)),
    );
  });
}

/** The raw (still compressed) bytes of an entry; bounded by the zip's own size. */
function readRaw(zipfile: yauzl.ZipFile, entry: yauzl.Entry, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = {
      decompress: entry.compressionMethod === 0 ? null : false,
      decrypt: null,
      start: null,
      end: null,
    };
    zipfile.openReadStream(entry, options, (error, stream) => {
      if (error) {
        reject(new ZipRefusal(`无法读取条目：${error.message}`, name));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (streamError) =>
        reject(new ZipRefusal(`读取条目失败：${streamError.message}`, name)),
      );
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * An entry's name (UTF-8 when flagged, else UTF-8 or GBK) and why it may not be read, if so:
 * zip-slip names, symlinks, encrypted entries, a name seen before. Both zip readers use it.
 */
export function checkZipEntry(
  entry: yauzl.Entry,
  seen: (name: string) => boolean,
): { name: string; refusal?: string } {
  const name = decodeName(entry.fileName as unknown, (entry.generalPurposeBitFlag & 0x800) !== 0);
  const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
  const refusal =
    unsafeEntryName(name) ??
    (mode === 0o120000
      ? '条目是符号链接'
      : (entry.generalPurposeBitFlag & 0x1) !== 0
        ? '条目已加密'
        : seen(name)
          ? '条目重复出现'
          : undefined);
  return refusal === undefined ? { name } : { name, refusal };
}

/**
 * Inflates one entry with a hard output cap: zlib stops at `maxOutputLength`, so a bomb never
 * gets further than the remaining total budget or the ratio limit, whatever its headers claim.
 * The result must then match the declared size and CRC-32.
 */
async function readEntry(
  zipfile: yauzl.ZipFile,
  entry: yauzl.Entry,
  name: string,
  budget: { remaining: number },
  limits: ZipLimits,
): Promise<Uint8Array> {
  const raw = await readRaw(zipfile, entry, name);
  const ratioCap = Math.max(RATIO_FLOOR_BYTES, raw.length * limits.maxRatio);
  const cap = Math.min(
    budget.remaining,
    ratioCap,
    limits.maxEntryBytes ?? Number.POSITIVE_INFINITY,
  );
  let data: Buffer;
  if (entry.compressionMethod === 0) {
    data = raw;
  } else if (entry.compressionMethod === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(cap, 1) });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw new ZipRefusal(
          cap === budget.remaining
            ? `解压后总大小超过上限 ${limits.maxTotalBytes} 字节（疑似压缩炸弹）`
            : cap === limits.maxEntryBytes
              ? `条目解压后超过上限 ${limits.maxEntryBytes} 字节`
              : `压缩比超过 ${limits.maxRatio}:1（疑似压缩炸弹）`,
          name,
          'too_large',
        );
      }
      throw new ZipRefusal(`解压失败：${errorMessage(error)}`, name);
    }
  } else {
    throw new ZipRefusal(`不支持的压缩方法 ${entry.compressionMethod}`, name);
  }
  if (data.length > budget.remaining) {
    throw new ZipRefusal(
      `解压后总大小超过上限 ${limits.maxTotalBytes} 字节（疑似压缩炸弹）`,
      name,
      'too_large',
    );
  }
  if (limits.maxEntryBytes !== undefined && data.length > limits.maxEntryBytes) {
    throw new ZipRefusal(`条目解压后超过上限 ${limits.maxEntryBytes} 字节`, name, 'too_large');
  }
  if (data.length > RATIO_FLOOR_BYTES && data.length / Math.max(raw.length, 1) > limits.maxRatio) {
    throw new ZipRefusal(`压缩比超过 ${limits.maxRatio}:1（疑似压缩炸弹）`, name, 'too_large');
  }
  if (data.length !== entry.uncompressedSize) {
    throw new ZipRefusal(
      `解压后大小 ${data.length} 与声明的 ${entry.uncompressedSize} 不符（文件损坏）`,
      name,
    );
  }
  if (crc32(data) >>> 0 !== entry.crc32 >>> 0) {
    throw new ZipRefusal('CRC 校验失败（文件损坏）', name);
  }
  budget.remaining -= data.length;
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export async function readZipSafely(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipReadResult> {
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await openZip(bytes);
  } catch (error) {
    const detail = errorMessage(error);
    return { ok: false, kind: 'invalid', reason: `不是有效的 zip 文件：${detail}` };
  }
  if (zipfile.entryCount > limits.maxEntries) {
    zipfile.close();
    return {
      ok: false,
      kind: 'too_large',
      reason: `zip 条目过多：${zipfile.entryCount} 个，上限 ${limits.maxEntries}`,
    };
  }
  const entries = new Map<string, Uint8Array>();
  const budget = { remaining: limits.maxTotalBytes };
  try {
    await new Promise<void>((resolve, reject) => {
      zipfile.on('error', (error: Error) =>
        reject(
          error instanceof ZipRefusal ? error : new ZipRefusal(`zip 结构损坏：${error.message}`),
        ),
      );
      zipfile.on('end', () => resolve());
      zipfile.on('entry', (entry: yauzl.Entry) => {
        const { name, refusal } = checkZipEntry(entry, (seen) => entries.has(seen));
        if (refusal !== undefined) return reject(new ZipRefusal(refusal, name, 'unsafe'));
        if (entry.uncompressedSize > budget.remaining) {
          return reject(
            new ZipRefusal(
              `解压后总大小超过上限 ${limits.maxTotalBytes} 字节（疑似压缩炸弹）`,
              name,
              'too_large',
            ),
          );
        }
        if (name.endsWith('/')) {
          zipfile.readEntry();
          return undefined;
        }
        readEntry(zipfile, entry, name, budget, limits).then((data) => {
          entries.set(name, data);
          zipfile.readEntry();
        }, reject);
        return undefined;
      });
      zipfile.readEntry();
    });
  } catch (error) {
    zipfile.close();
    if (error instanceof ZipRefusal) {
      return {
        ok: false,
        kind: error.kind,
        ...(error.entry !== undefined ? { entry: error.entry } : {}),
        reason: error.reason,
      };
    }
    return {
      ok: false,
      kind: 'invalid',
      reason: errorMessage(error),
    };
  }
  return { ok: true, entries };
}
