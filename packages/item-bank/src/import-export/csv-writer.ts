import Papa from 'papaparse';
import type { ExportItem } from './item-file-types';
import { EXPORT_HEADER, itemToRow } from './item-to-row';

/*
 * Writes the item template as CSV in UTF-8 with a BOM (so Chinese Excel opens it correctly),
 * CRLF line ends, every field quoted when needed. Images stay as `[图片:<hash>]` tokens;
 * CSV cannot carry their bytes (use xlsx, QTI or bankpkg for items with images).
 */

export function writeCsvItems(items: readonly ExportItem[]): Uint8Array {
  const text = Papa.unparse([[...EXPORT_HEADER], ...items.map(itemToRow)], { newline: '\r\n' });
  return new TextEncoder().encode(`\ufeff${text}\r\n`);
}
