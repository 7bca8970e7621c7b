import {
  readZipSafely,
  unsafeEntryName,
  type ZipRefusalKind,
} from '../import-export/safe-zip-reader';
import { writeZip as writeZipBytes } from '../import-export/zip-writer';
import { ExamPackageError, type ExamPackageErrorCode } from './exam-package-error';

/*
 * Zip for exam packages, over the item bank's one defensive zip reader and writer
 * (import-export/safe-zip-reader.ts, zip-writer.ts): entry names must be plain relative paths,
 * unique, and the entry count, each entry's size and the total size are limited on the bytes
 * actually inflated, so a zip bomb stops at the limit. Refusals become ExamPackageErrors.
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

/** Package parts are encrypted (incompressible); only a bomb compresses beyond this. */
const MAX_RATIO = 1_000;

export interface ZipEntryInput {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Why `name` is not a safe entry name, or undefined when it is. */
export const unsafeEntryNameReason = unsafeEntryName;

const CODES: Record<ZipRefusalKind, ExamPackageErrorCode> = {
  invalid: 'ZIP_INVALID',
  unsafe: 'ZIP_UNSAFE_ENTRY',
  too_large: 'ZIP_TOO_LARGE',
};

/** Writes entries in the given order; the same entries always give the same bytes. */
export function writeZip(entries: readonly ZipEntryInput[]): Promise<Uint8Array> {
  const map = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const reason = unsafeEntryName(entry.name);
    if (reason !== undefined)
      throw new TypeError(`Unsafe zip entry name "${entry.name}": ${reason}`);
    if (map.has(entry.name)) throw new TypeError(`Duplicate zip entry name "${entry.name}"`);
    map.set(entry.name, entry.data);
  }
  return writeZipBytes(map);
}

/** Reads every entry into memory under the limits; throws ExamPackageError on anything unsafe. */
export async function readZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Map<string, Uint8Array>> {
  const result = await readZipSafely(bytes, { ...limits, maxRatio: MAX_RATIO });
  if (result.ok) return result.entries;
  throw new ExamPackageError(CODES[result.kind], result.reason, result.entry);
}
