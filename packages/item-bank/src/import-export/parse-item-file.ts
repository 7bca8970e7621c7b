import { errorMessage } from '@skillexam/shared';
import { itemAssetHashes } from './asset-check';
import { readBankpkg } from './bankpkg-reader';
import { isBytes, openByteSource, type ItemFileSource } from './byte-source';
import { meteredCsvEntries } from './csv-reader';
import { detectItemFileFormat } from './detect-format';
import { readDocxItems } from './docx/docx-reader';
import { readGiftItems } from './gift-reader';
import type {
  ItemFileFormat,
  ItemFileStream,
  ItemStreamEntry,
  ParseItemFileOptions,
  ParsedAsset,
  ParsedItemFile,
} from './item-file-types';
import { collectEntries, fileEntries } from './item-stream';
import { readMoodleXml } from './moodle-reader';
import { readQtiPackage } from './qti-reader';
import { openXlsxEntries } from './xlsx-reader';

/*
 * The single entry point for reading an item file: detects (or takes) the format, runs its
 * reader, and rejects items whose pictures are missing. Never throws for bad input; every
 * problem is a FileIssue.
 *
 * openItemFileStream reads CSV and xlsx row by row from a path or from bytes (docs/decisions/
 * 0650); the other formats are read whole and handed out as a stream. parseItemFile is the
 * same stream collected, for callers that want the whole list.
 */

/** Bytes enough to tell the formats apart when the file is not a zip. */
const DETECT_BYTES = 64 * 1024;

function readWhole(source: ItemFileSource): Uint8Array {
  if (isBytes(source)) return source;
  const bytes = openByteSource(source);
  try {
    return bytes.read(0, bytes.size);
  } finally {
    bytes.close();
  }
}

/** The leading bytes for detection; the whole file when it is a zip of an unclear kind. */
function detectionBytes(source: ItemFileSource, fileName: string): Uint8Array {
  if (isBytes(source)) return source;
  const bytes = openByteSource(source);
  try {
    const head = bytes.read(0, DETECT_BYTES);
    const isZip = head[0] === 0x50 && head[1] === 0x4b;
    const zipByName = /\.(xlsx|xlsm|bankpkg|docx)$/i.test(fileName);
    return isZip && !zipByName ? bytes.read(0, bytes.size) : head;
  } finally {
    bytes.close();
  }
}

async function readWholeFile(
  format: Exclude<ItemFileFormat, 'csv' | 'xlsx'>,
  bytes: Uint8Array,
  options: ParseItemFileOptions,
): Promise<ParsedItemFile> {
  switch (format) {
    case 'bankpkg':
      return readBankpkg(bytes, options.fileName, options.zipLimits);
    case 'qti':
      return readQtiPackage(bytes, options.fileName, options.zipLimits);
    case 'moodle':
      return readMoodleXml(bytes, options.fileName);
    case 'gift':
      return readGiftItems(bytes, options.fileName);
    case 'docx':
      return readDocxItems(bytes, options.fileName);
  }
}

async function openByFormat(
  format: ItemFileFormat,
  source: ItemFileSource,
  options: ParseItemFileOptions,
): Promise<ItemFileStream> {
  switch (format) {
    case 'csv':
      return {
        format,
        assets: new Map(),
        ...meteredCsvEntries(source, options.fileName, options.mapping),
      };
    case 'xlsx':
      return openXlsxEntries(source, options.fileName, options.mapping, options.zipLimits);
    default: {
      const file = await readWholeFile(format, readWhole(source), options);
      const read = { items: 0 };
      return {
        format,
        assets: file.assets,
        entries: fileEntries(file, read),
        meter: { unit: 'items', total: file.items.length, done: () => read.items },
      };
    }
  }
}

/** An item whose image is not in the file's assets is rejected, never imported without it. */
function* checkedEntries(
  entries: Iterable<ItemStreamEntry>,
  assets: ReadonlyMap<string, ParsedAsset>,
  fileName: string,
): Generator<ItemStreamEntry> {
  try {
    for (const entry of entries) {
      if (entry.kind === 'issue') {
        yield entry;
        continue;
      }
      const { item } = entry;
      const missing = itemAssetHashes(item).filter((hash) => !assets.has(hash));
      if (missing.length === 0) {
        yield entry;
        continue;
      }
      yield {
        kind: 'issue',
        issue: {
          file: fileName,
          ...(item.row !== undefined ? { row: item.row } : {}),
          item: item.externalId ?? item.ref,
          field: '图片',
          reason: `引用的图片不在文件中：${missing.map((hash) => hash.slice(0, 12)).join('、')}`,
          severity: 'error',
        },
      };
    }
  } catch (error) {
    yield { kind: 'issue', issue: readFailure(error, fileName) };
  }
}

function readFailure(error: unknown, fileName: string) {
  // A reader bug, an IO error or a library failure on hostile input: a report, never a crash.
  const detail = errorMessage(error);
  return { file: fileName, reason: `读取文件失败：${detail}`, severity: 'error' as const };
}

/**
 * Opens an item file for reading item by item. `source` is the file's bytes or a file to open
 * (read in chunks, never whole, for CSV and xlsx). Iterate `entries` synchronously, once.
 */
export async function openItemFileStream(
  source: ItemFileSource,
  options: ParseItemFileOptions,
): Promise<ItemFileStream> {
  let format: ItemFileFormat | undefined;
  try {
    format =
      options.format ??
      detectItemFileFormat(options.fileName, detectionBytes(source, options.fileName));
  } catch (error) {
    return failed('csv', readFailure(error, options.fileName));
  }
  if (format === undefined) {
    return failed('csv', {
      file: options.fileName,
      reason: '无法识别文件格式，请用 --format 指定（xlsx、csv、qti、moodle、gift、bankpkg）',
      severity: 'error',
    });
  }
  try {
    const stream = await openByFormat(format, source, options);
    return {
      ...stream,
      entries: checkedEntries(stream.entries, stream.assets, options.fileName),
    };
  } catch (error) {
    return failed(format, readFailure(error, options.fileName));
  }
}

function failed(
  format: ItemFileFormat,
  issue: { file: string; reason: string; severity: 'error' },
): ItemFileStream {
  return { format, assets: new Map(), entries: [{ kind: 'issue', issue }] };
}

export async function parseItemFile(
  bytes: Uint8Array,
  options: ParseItemFileOptions,
): Promise<ParsedItemFile> {
  const stream = await openItemFileStream(bytes, options);
  const file = collectEntries(stream.format, stream.assets, stream.entries);
  const used = new Set(file.items.flatMap(itemAssetHashes));
  return { ...file, assets: new Map([...file.assets].filter(([hash]) => used.has(hash))) };
}
