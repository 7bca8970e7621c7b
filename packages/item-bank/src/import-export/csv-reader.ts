import Papa from 'papaparse';
import type { ColumnMapping, FileIssue, ParsedItemFile } from './item-file-types';
import type { TableRow } from './row-to-item';
import { importTableRows } from './table-import';
import { decodeText } from './text-encoding';

/*
 * Reads the item template as CSV (or tab/semicolon separated text): encoding detected
 * automatically, then the same row mapping as the xlsx reader. Rows are numbered by record
 * (the header is row 1), as Excel shows them.
 */

export function readCsvItems(
  bytes: Uint8Array,
  fileName: string,
  mapping?: ColumnMapping,
): ParsedItemFile {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return {
      format: 'csv',
      items: [],
      assets: new Map(),
      issues: [{ file: fileName, field: '编码', reason: decoded.reason, severity: 'error' }],
    };
  }
  const parsed = Papa.parse<string[]>(decoded.text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', '\t', ';', '|'],
  });
  const issues: FileIssue[] = parsed.errors
    .filter((error) => error.code !== 'UndetectableDelimiter')
    .map((error) => ({
      file: fileName,
      ...(error.row !== undefined && error.row !== null ? { row: error.row + 1 } : {}),
      reason: `CSV 格式错误：${error.code === 'MissingQuotes' ? '引号没有闭合' : error.message}`,
      severity: 'error' as const,
    }));
  if (issues.length > 0) {
    return { format: 'csv', items: [], assets: new Map(), issues };
  }
  const rows: TableRow[] = parsed.data.map((cells, index) => ({ row: index + 1, cells }));
  const table = importTableRows(rows, fileName, mapping);
  return { format: 'csv', items: table.items, assets: new Map(), issues: table.issues };
}
