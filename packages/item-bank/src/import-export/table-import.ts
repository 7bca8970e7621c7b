import { toPlainText } from '@skillexam/shared';
import {
  layoutFromHeader,
  layoutFromMapping,
  looksLikeHeader,
  type ColumnLayout,
} from './column-mapping';
import type { ColumnMapping, FileIssue, ParsedItem } from './item-file-types';
import { isBlankRow, rowToItem, type RawCell, type TableRow } from './row-to-item';

/*
 * A whole sheet of rows (xlsx worksheet or CSV file) → items and issues: finds the header
 * (or applies the column mapping), maps every row, skips blank rows, warns about exact
 * duplicates inside the file.
 */

const HEADER_SEARCH_ROWS = 5;

export interface TableImportResult {
  items: ParsedItem[];
  issues: FileIssue[];
}

function cellTexts(cells: readonly RawCell[]): string[] {
  return cells.map((cell) => (typeof cell === 'string' ? cell : ''));
}

function findLayout(
  rows: readonly TableRow[],
  mapping: ColumnMapping | undefined,
  fileName: string,
): { ok: true; layout: ColumnLayout; dataFrom: number } | { ok: false; issue: FileIssue } {
  const candidates = rows.filter((row) => !isBlankRow(row)).slice(0, HEADER_SEARCH_ROWS);
  const headerRow = candidates.find((row) => looksLikeHeader(cellTexts(row.cells)));
  const header = headerRow === undefined ? undefined : cellTexts(headerRow.cells);
  const dataFrom = headerRow === undefined ? 0 : rows.indexOf(headerRow) + 1;
  const fromHeader = header === undefined ? {} : layoutFromHeader(header).layout;
  if (mapping !== undefined && Object.keys(mapping).length > 0) {
    const mapped = layoutFromMapping(mapping, header);
    if (!mapped.ok) {
      return {
        ok: false,
        issue: { file: fileName, field: '列映射', reason: mapped.reason, severity: 'error' },
      };
    }
    return { ok: true, layout: { ...fromHeader, ...mapped.layout }, dataFrom };
  }
  if (header === undefined) {
    const firstRow = candidates[0]?.row;
    return {
      ok: false,
      issue: {
        file: fileName,
        ...(firstRow !== undefined ? { row: firstRow } : {}),
        reason:
          '找不到表头：前 5 个非空行中没有包含“题干”等列名的行。请使用模板表头，或提供列映射（如 stem=B,optionA=C,key=G）',
        severity: 'error',
      },
    };
  }
  return { ok: true, layout: fromHeader, dataFrom };
}

export function importTableRows(
  rows: readonly TableRow[],
  fileName: string,
  mapping?: ColumnMapping,
): TableImportResult {
  const found = findLayout(rows, mapping, fileName);
  if (!found.ok) return { items: [], issues: [found.issue] };
  const items: ParsedItem[] = [];
  const issues: FileIssue[] = [];
  const seen = new Map<string, number>();
  for (const row of rows.slice(found.dataFrom)) {
    const result = rowToItem(row, found.layout, fileName);
    if (result.kind === 'blank') continue;
    if (result.kind === 'rejected') {
      issues.push(...result.issues);
      continue;
    }
    issues.push(...result.warnings);
    const signature = `${result.item.content.type}\u0000${toPlainText(result.item.content.stem)}`;
    const firstRow = seen.get(signature);
    if (firstRow !== undefined) {
      issues.push({
        file: fileName,
        row: row.row,
        field: '题干',
        reason: `与第${firstRow}行的题干完全相同（重复题）`,
        severity: 'warning',
      });
    } else {
      seen.set(signature, row.row);
    }
    items.push(result.item);
  }
  if (items.length === 0 && issues.length === 0) {
    issues.push({ file: fileName, reason: '文件中没有试题', severity: 'error' });
  }
  return { items, issues };
}
