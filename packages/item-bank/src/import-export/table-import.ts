import {
  headerSpellings,
  holdsMappedHeaders,
  layoutFromHeader,
  layoutFromMapping,
  looksLikeHeader,
  type ColumnLayout,
} from './column-mapping';
import {
  defaultsSummary,
  newDefaultsTally,
  tallyDefaults,
  tallyInferredType,
} from './defaults-summary';
import type { ColumnMapping, FileIssue, ItemStreamEntry, ParsedItem } from './item-file-types';
import { isBlankRow, rowToItem, type RawCell, type TableRow } from './row-to-item';

/*
 * The rows of a sheet (xlsx worksheet or CSV file), streamed → items and issues: finds the
 * header among the first rows (or applies the column mapping), maps every row, skips blank
 * rows (duplicates are left to the importer).
 */

/** Title rows, notes and blank lines above the header are skipped: up to this many rows. */
const HEADER_SEARCH_ROWS = 10;

function cellTexts(cells: readonly RawCell[]): string[] {
  return cells.map((cell) => (typeof cell === 'string' ? cell : ''));
}

function findLayout(
  rows: readonly TableRow[],
  mapping: ColumnMapping | undefined,
  fileName: string,
): { ok: true; layout: ColumnLayout; dataFrom: number } | { ok: false; issue: FileIssue } {
  const given = mapping !== undefined && Object.keys(mapping).length > 0 ? mapping : undefined;
  const candidates = rows.filter((row) => !isBlankRow(row)).slice(0, HEADER_SEARCH_ROWS);
  const headerRow =
    candidates.find((row) => looksLikeHeader(cellTexts(row.cells))) ??
    (given === undefined
      ? undefined
      : candidates.find((row) => holdsMappedHeaders(given, cellTexts(row.cells))));
  const header = headerRow === undefined ? undefined : cellTexts(headerRow.cells);
  const dataFrom = headerRow === undefined ? 0 : rows.indexOf(headerRow) + 1;
  const fromHeader = header === undefined ? undefined : layoutFromHeader(header);
  if (given !== undefined) {
    const mapped = layoutFromMapping(given, header);
    if (!mapped.ok) {
      return {
        ok: false,
        issue: { file: fileName, field: '列映射', reason: mapped.reason, severity: 'error' },
      };
    }
    return { ok: true, layout: { ...fromHeader?.layout, ...mapped.layout }, dataFrom };
  }
  const firstRow = (headerRow ?? candidates[0])?.row;
  const fail = (reason: string) => ({
    ok: false as const,
    issue: {
      file: fileName,
      ...(firstRow !== undefined ? { row: firstRow } : {}),
      reason,
      severity: 'error' as const,
    },
  });
  if (fromHeader === undefined) {
    return fail(
      `找不到表头：前 ${HEADER_SEARCH_ROWS} 个非空行中没有同时含题干列（${headerSpellings('stem').slice(0, 6).join('/')}…）和其他已知列名的行。请使用模板表头，或提供列映射（如 题干=B,选项=C,答案=D）`,
    );
  }
  if (fromHeader.layout.key === undefined) {
    const unknown =
      fromHeader.unknown.length > 0 ? `；表头中未识别的列：${fromHeader.unknown.join('、')}` : '';
    return fail(
      `表头中没有答案列（可用列名：${headerSpellings('key').slice(0, 7).join('、')}）${unknown}。可用列映射指定，如 答案=F`,
    );
  }
  return { ok: true, layout: fromHeader.layout, dataFrom };
}

/** The rows up to the last one findLayout looks at (the first HEADER_SEARCH_ROWS non-blank). */
function headRows(rows: Iterator<TableRow>): TableRow[] {
  const head: TableRow[] = [];
  let nonBlank = 0;
  while (nonBlank < HEADER_SEARCH_ROWS) {
    const next = rows.next();
    if (next.done === true) break;
    head.push(next.value);
    if (!isBlankRow(next.value)) nonBlank += 1;
  }
  return head;
}

function* rowsAfter(head: readonly TableRow[], rest: Iterator<TableRow>): Generator<TableRow> {
  yield* head;
  for (let next = rest.next(); next.done !== true; next = rest.next()) yield next.value;
}

/**
 * Rows (xlsx worksheet or CSV file, read one at a time) → items and issues, one row at a
 * time: only the rows before the header and the row being mapped are held.
 */
export function* importTableRows(
  rows: Iterable<TableRow>,
  fileName: string,
  mapping?: ColumnMapping,
): Generator<ItemStreamEntry> {
  const iterator = rows[Symbol.iterator]();
  const head = headRows(iterator);
  const found = findLayout(head, mapping, fileName);
  if (!found.ok) {
    yield { kind: 'issue', issue: found.issue };
    return;
  }
  const { layout } = found;
  const defaults = newDefaultsTally();
  const mapRow = (row: TableRow, items: ParsedItem[], issues: FileIssue[]): void => {
    const result = rowToItem(row, layout, fileName);
    if (result.kind === 'blank') return;
    if (result.kind === 'rejected') {
      issues.push(...result.issues);
      return;
    }
    // Duplicates are the importer's call (imports/exact-duplicates.ts, docs/decisions/0631).
    issues.push(...result.warnings);
    tallyDefaults(defaults, result.item);
    if (layout.type === undefined) tallyInferredType(defaults, result.item);
    items.push(result.item);
  };
  let yielded = 0;
  for (const row of rowsAfter(head.slice(found.dataFrom), iterator)) {
    const items: ParsedItem[] = [];
    const issues: FileIssue[] = [];
    mapRow(row, items, issues);
    yielded += items.length + issues.length;
    for (const issue of issues) yield { kind: 'issue', issue };
    for (const item of items) yield { kind: 'item', item };
  }
  for (const issue of defaultsSummary(defaults, fileName)) yield { kind: 'issue', issue };
  if (yielded === 0) {
    yield { kind: 'issue', issue: { file: fileName, reason: '文件中没有试题', severity: 'error' } };
  }
}
