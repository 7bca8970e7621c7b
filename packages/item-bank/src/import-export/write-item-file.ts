import { CodedError } from '@skillexam/shared';
import { writeBankpkg } from './bankpkg-writer';
import { writeCsvItems } from './csv-writer';
import { writeDocxPaper } from './docx/docx-writer';
import type { AssetLookup, ExportItem, WritableItemFileFormat } from './item-file-types';
import { writeQtiPackage } from './qti-writer';
import { writeXlsxItems } from './xlsx-writer';

export interface WriteItemFileOptions {
  /** Package creation time (bankpkg/QTI manifests); defaults to now. */
  createdAt?: string;
}

/** Writes items in one of the export formats; the bytes of a whole file. */
export async function writeItemFile(
  items: ExportItem[],
  assets: AssetLookup,
  format: WritableItemFileFormat,
  options: WriteItemFileOptions = {},
): Promise<Uint8Array> {
  switch (format) {
    case 'xlsx':
      return writeXlsxItems(items, assets);
    case 'csv':
      return writeCsvItems(items);
    case 'qti':
      return writeQtiPackage(items, assets);
    case 'bankpkg':
      return writeBankpkg(items, assets, options.createdAt);
    case 'docx': {
      const paper = await writeDocxPaper(items, assets);
      const [first] = paper.skipped;
      if (first !== undefined) {
        throw new CodedError(
          'BAD_REQUEST',
          `${paper.skipped.length} 题无法写成 Word 试卷（如 ${first.id}：${first.reason}），未导出；请改用 xlsx 或 bankpkg 格式，或用筛选条件排除这些题`,
        );
      }
      return paper.bytes;
    }
  }
}
