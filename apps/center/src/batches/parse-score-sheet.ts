import { isValidChineseIdNumber } from '@skillexam/shared';
import {
  SCORE_SHEET_FIELDS,
  SCORE_SHEET_LABELS,
  columnOfLetter,
  describeColumn,
  fieldOfHeader,
  normalizeHeader,
  type ScoreSheetField,
} from './score-sheet-columns';

/*
 * Checks a skills score sheet against a batch: finds the header (in the first 10 rows), maps
 * the columns (explicit mapping first, then the detected headers), and reads every row. Every
 * problem is returned with its row (as the spreadsheet numbers it), column and what was
 * expected; the caller writes nothing unless there is none (all-or-nothing). Pure.
 */

export type ColumnMapping = Partial<Record<ScoreSheetField, string>>;

export interface ScoreSheetIssue {
  /** Spreadsheet row (header included, 1-based); 0 for the file as a whole. */
  readonly row: number;
  /** `实操成绩（C 列）`, or '' for the whole row or file. */
  readonly column: string;
  readonly reason: string;
}

export interface ScoreSheetRow {
  readonly row: number;
  readonly idNumber: string;
  /** A score 0–100, null for 缺考 (absent), undefined when the sheet has no such column. */
  readonly skills?: number | null;
  readonly review?: number | null;
}

export interface ParsedScoreSheet {
  readonly rows: readonly ScoreSheetRow[];
  readonly issues: readonly ScoreSheetIssue[];
  /** The column each field was read from: header and 0-based index. */
  readonly columns: Partial<Record<ScoreSheetField, { header: string; index: number }>>;
}

export interface ScoreSheetContext {
  /** ID number → name of the batch's candidates. */
  readonly candidates: ReadonlyMap<string, string>;
  /** Whether the batch's level has 综合评审 (技师/高级技师). */
  readonly hasReview: boolean;
  readonly mapping?: ColumnMapping;
}

const HEADER_SEARCH_ROWS = 10;
const MAX_ISSUES = 200;
const ABSENT = new Set(['缺考', '缺席', '缺']);
const SCORE = /^\d{1,3}(\.\d{1,2})?$/;

type Columns = ParsedScoreSheet['columns'];

function detect(table: readonly string[][]): { index: number; columns: Columns } | undefined {
  for (let index = 0; index < Math.min(HEADER_SEARCH_ROWS, table.length); index += 1) {
    const columns: Columns = {};
    (table[index] ?? []).forEach((cell, column) => {
      const field = fieldOfHeader(cell);
      if (field !== undefined && columns[field] === undefined)
        columns[field] = { header: cell, index: column };
    });
    if (columns.idNumber !== undefined) return { index, columns };
  }
  return undefined;
}

function explicitColumn(
  header: readonly string[],
  reference: string,
): { header: string; index: number } | undefined {
  const wanted = normalizeHeader(reference);
  const byHeader = header.findIndex((cell) => normalizeHeader(cell) === wanted);
  if (byHeader >= 0) return { header: header[byHeader] ?? '', index: byHeader };
  const byLetter = columnOfLetter(reference.trim());
  if (byLetter === undefined || byLetter >= Math.max(header.length, 1)) return undefined;
  return { header: header[byLetter] ?? '', index: byLetter };
}

function scoreOf(text: string): number | null | string {
  if (ABSENT.has(text)) return null;
  if (text === '') return '缺少成绩；缺考请填写“缺考” (score missing; write 缺考 for absent)';
  if (!SCORE.test(text) || Number(text) > 100)
    return `“${text}”应为 0–100 的分数，最多两位小数 (expected a score 0–100, at most 2 decimals)`;
  return Number(text);
}

export function parseScoreSheet(
  table: readonly string[][],
  context: ScoreSheetContext,
): ParsedScoreSheet {
  const detected = detect(table);
  const mapping = context.mapping ?? {};
  const headerIndex = detected?.index ?? 0;
  const headerCells = table[headerIndex] ?? [];
  const columns: Columns = { ...(detected?.columns ?? {}) };
  const issues: ScoreSheetIssue[] = [];
  const fileIssue = (row: number, column: string, reason: string): void => {
    issues.push({ row, column, reason });
  };
  for (const field of SCORE_SHEET_FIELDS) {
    const reference = mapping[field];
    if (reference === undefined || reference.trim() === '') continue;
    const found = explicitColumn(headerCells, reference);
    if (found === undefined)
      fileIssue(
        headerIndex + 1,
        '',
        `指定的${SCORE_SHEET_LABELS[field]}列“${reference}”不在表头中，也不是列字母 (column not found)`,
      );
    else columns[field] = found;
  }
  if (columns.idNumber === undefined)
    fileIssue(
      0,
      '',
      `前 ${HEADER_SEARCH_ROWS} 行中没有找到身份证号列（身份证号/证件号码），请指定列 (ID number column not found)`,
    );
  if (columns.skills === undefined && columns.review === undefined)
    fileIssue(
      headerIndex + 1,
      '',
      '没有成绩列：应有“实操成绩”（或技能成绩）或“综合评审成绩”列，请指定列 (no score column)',
    );
  if (columns.review !== undefined && !context.hasReview)
    fileIssue(
      headerIndex + 1,
      describeColumn(columns.review.header, columns.review.index),
      '本批次的等级没有综合评审（仅技师、高级技师有），请去掉该列 (this level has no review score)',
    );
  if (issues.length > 0) return { rows: [], issues, columns };

  const rows: ScoreSheetRow[] = [];
  const firstRow = new Map<string, number>();
  table.slice(headerIndex + 1).forEach((cells, offset) => {
    if (issues.length >= MAX_ISSUES) return;
    const row = headerIndex + 2 + offset;
    if (cells.every((cell) => cell === '')) return;
    const rowIssues: ScoreSheetIssue[] = [];
    const at = (field: ScoreSheetField): { text: string; column: string } => {
      const column = columns[field];
      return column === undefined
        ? { text: '', column: '' }
        : { text: cells[column.index] ?? '', column: describeColumn(column.header, column.index) };
    };
    const id = at('idNumber');
    const idNumber = id.text.toUpperCase();
    if (idNumber === '')
      rowIssues.push({ row, column: id.column, reason: '身份证号不能为空 (required)' });
    else if (!isValidChineseIdNumber(idNumber)) {
      const hint =
        /^\d+(\.\d+)?(E\+\d+)?$/i.test(idNumber) && idNumber.length !== 18
          ? '；Excel 可能把它存成了数字，请将该列设为文本'
          : '';
      rowIssues.push({
        row,
        column: id.column,
        reason: `“${idNumber}”不是有效的 18 位身份证号${hint} (invalid ID number)`,
      });
    } else if (!context.candidates.has(idNumber)) {
      rowIssues.push({
        row,
        column: id.column,
        reason: `身份证号“${idNumber}”不在本批次的考生中 (unknown ID number)`,
      });
    } else {
      const first = firstRow.get(idNumber);
      if (first !== undefined)
        rowIssues.push({
          row,
          column: id.column,
          reason: `身份证号“${idNumber}”与第 ${first} 行重复 (duplicate of row ${first})`,
        });
      else firstRow.set(idNumber, row);
      const name = at('name');
      const expected = context.candidates.get(idNumber) ?? '';
      if (
        columns.name !== undefined &&
        name.text.replace(/\s+/gu, '') !== expected.replace(/\s+/gu, '')
      )
        rowIssues.push({
          row,
          column: name.column,
          reason: `姓名“${name.text}”与本批次中该身份证号的考生“${expected}”不一致 (name does not match)`,
        });
    }
    const parsed: { skills?: number | null; review?: number | null } = {};
    for (const field of ['skills', 'review'] as const) {
      if (columns[field] === undefined) continue;
      const cell = at(field);
      const score = scoreOf(cell.text);
      if (typeof score === 'string') rowIssues.push({ row, column: cell.column, reason: score });
      else parsed[field] = score;
    }
    issues.push(...rowIssues);
    if (rowIssues.length === 0) rows.push({ row, idNumber, ...parsed });
  });
  if (issues.length === 0 && rows.length === 0)
    issues.push({ row: 0, column: '', reason: '成绩表中没有考生行 (no score rows)' });
  return { rows: issues.length === 0 ? rows : [], issues: issues.slice(0, MAX_ISSUES), columns };
}

/** `第 3 行 实操成绩（C 列）：…` */
export function formatScoreSheetIssue(fileName: string, issue: ScoreSheetIssue): string {
  const where = issue.row === 0 ? '' : ` 第 ${issue.row} 行`;
  const column = issue.column === '' ? '' : ` ${issue.column}`;
  return `${fileName}${where}${column}：${issue.reason}`;
}
