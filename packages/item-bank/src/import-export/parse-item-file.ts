import { checkItemAssets } from './asset-check';
import { readBankpkg } from './bankpkg-reader';
import { readCsvItems } from './csv-reader';
import { detectItemFileFormat } from './detect-format';
import { readDocxItems } from './docx/docx-reader';
import { readGiftItems } from './gift-reader';
import type { ItemFileFormat, ParseItemFileOptions, ParsedItemFile } from './item-file-types';
import { readMoodleXml } from './moodle-reader';
import { readQtiPackage } from './qti-reader';
import { readXlsxItems } from './xlsx-reader';

/*
 * The single entry point for reading an item file: detects (or takes) the format, runs its
 * reader, and rejects items whose pictures are missing. Never throws for bad input; every
 * problem is a FileIssue.
 */

async function readByFormat(
  format: ItemFileFormat,
  bytes: Uint8Array,
  options: ParseItemFileOptions,
): Promise<ParsedItemFile> {
  switch (format) {
    case 'xlsx':
      return readXlsxItems(bytes, options.fileName, options.mapping, options.zipLimits);
    case 'csv':
      return readCsvItems(bytes, options.fileName, options.mapping);
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

export async function parseItemFile(
  bytes: Uint8Array,
  options: ParseItemFileOptions,
): Promise<ParsedItemFile> {
  const format = options.format ?? detectItemFileFormat(options.fileName, bytes);
  if (format === undefined) {
    return {
      format: 'csv',
      items: [],
      assets: new Map(),
      issues: [
        {
          file: options.fileName,
          reason: '无法识别文件格式，请用 --format 指定（xlsx、csv、qti、moodle、gift、bankpkg）',
          severity: 'error',
        },
      ],
    };
  }
  try {
    const file = await readByFormat(format, bytes, options);
    return checkItemAssets(file, options.fileName);
  } catch (error) {
    // A reader bug or a library failure on hostile input: still a report, never a crash.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      format,
      items: [],
      assets: new Map(),
      issues: [{ file: options.fileName, reason: `读取文件失败：${detail}`, severity: 'error' }],
    };
  }
}
