import yauzl from 'yauzl';
import yazl from 'yazl';
import { ExamPackageError } from './exam-package-error';

/*
 * Zip reading and writing for packages, with the checks an archive from outside needs:
 * entry names must be plain relative paths (no `..`, no leading `/`, no drive letter, no
 * backslash, no empty segment, no control characters), names are unique, and the entry count,
 * each entry's size and the total size are limited — counted on the bytes actually inflated,
 * not on the sizes the archive claims, so a zip bomb stops at the limit.
 */

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

export interface ZipEntryInput {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Why `name` is not a safe entry name, or undefined when it is. */
export function unsafeEntryNameReason(name: string): string | undefined {
  if (name.length === 0) return 'empty name';
  if (name.includes('\\')) return 'backslash in name';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive letter';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control character in name';
  const segments = name.split('/');
  if (segments.some((segment) => segment === '..')) return '".." segment';
  if (segments.slice(0, -1).some((segment) => segment === '' || segment === '.')) {
    return 'empty or "." segment';
  }
  return undefined;
}

/** Writes entries in the given order, deflated, with a fixed modification time. */
export function writeZip(entries: readonly ZipEntryInput[], mtime: Date): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const entry of entries) {
      const reason = unsafeEntryNameReason(entry.name);
      if (reason !== undefined)
        throw new TypeError(`Unsafe zip entry name "${entry.name}": ${reason}`);
      zip.addBuffer(Buffer.from(entry.data), entry.name, { mtime, compress: true });
    }
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    zip.end();
  });
}

/** Reads every entry into memory under the limits; throws ExamPackageError on anything unsafe. */
export function readZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Map<string, Uint8Array>> {
  return new Promise((resolve, reject) => {
    const options = {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
      autoClose: true,
    };
    yauzl.fromBuffer(Buffer.from(bytes), options, (openError, zip) => {
      if (openError !== null) {
        reject(new ExamPackageError('ZIP_INVALID', `不是有效的 zip 文件 (${openError.message})`));
        return;
      }
      const entries = new Map<string, Uint8Array>();
      let total = 0;
      let failed = false;
      const fail = (error: ExamPackageError): void => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(error);
      };
      if (zip.entryCount > limits.maxEntries) {
        fail(
          new ExamPackageError(
            'ZIP_TOO_LARGE',
            `条目过多：${zip.entryCount} > ${limits.maxEntries} (too many entries)`,
          ),
        );
        return;
      }
      zip.on('error', (error: Error) =>
        fail(new ExamPackageError('ZIP_INVALID', `zip 文件损坏 (${error.message})`)),
      );
      zip.on('end', () => {
        if (!failed) resolve(entries);
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        const raw = entry.fileName as unknown as Buffer;
        const name = raw.toString('utf8');
        const reason = unsafeEntryNameReason(name);
        if (reason !== undefined) {
          fail(new ExamPackageError('ZIP_UNSAFE_ENTRY', `不安全的条目名 (${reason})`, name));
          return;
        }
        if (entries.has(name)) {
          fail(new ExamPackageError('ZIP_UNSAFE_ENTRY', '条目重复 (duplicate entry)', name));
          return;
        }
        if (entry.uncompressedSize > limits.maxEntryBytes) {
          fail(
            new ExamPackageError(
              'ZIP_TOO_LARGE',
              `条目过大 (declares ${entry.uncompressedSize} bytes)`,
              name,
            ),
          );
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError !== null) {
            fail(
              new ExamPackageError('ZIP_INVALID', `无法读取条目 (${streamError.message})`, name),
            );
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            total += chunk.length;
            if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
              stream.destroy();
              fail(
                new ExamPackageError(
                  'ZIP_TOO_LARGE',
                  `解压后超过大小限制 (inflated beyond ${size > limits.maxEntryBytes ? limits.maxEntryBytes : limits.maxTotalBytes} bytes)`,
                  name,
                ),
              );
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', (error: Error) =>
            fail(new ExamPackageError('ZIP_INVALID', `条目数据损坏 (${error.message})`, name)),
          );
          stream.on('end', () => {
            if (failed) return;
            entries.set(name, new Uint8Array(Buffer.concat(chunks)));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
