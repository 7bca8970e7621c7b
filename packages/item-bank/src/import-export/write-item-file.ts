import { writeBankpkg } from './bankpkg-writer';
import { writeCsvItems } from './csv-writer';
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
  }
}
