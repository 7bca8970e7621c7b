import Papa from 'papaparse';
import type {
  ItemColumn,
  MultipleChoiceScoring,
  OptionId,
  ResponseMatrix,
} from '@skillexam/shared';
import { decodeText } from '../import-export/text-encoding';
import {
  defaultOffered,
  interpretCell,
  parseOptionLetters,
  parseScore,
  type CellValue,
  type Column,
} from './response-cells';
import { columnLetter, type ResponsesIssue } from './responses-issues';

/*
 * Reads a response file (docs/formats/responses-csv.md) into a ResponseMatrix for
 * `analyzeResponses`: one row per candidate, first column the candidate id, then one column per
 * item. Cells hold scores, or chosen option letters scored against a key ("AC" = A and C).
 * Optional meta rows, first cell `#答案`/`#key`, `#满分`/`#max`, `#选项`/`#options`, give the
 * key, the max points and the options offered per column; `#考试`/`#exam`, `#场次`/`#session`
 * and `#日期`/`#date` name the administration (value in the second cell). UTF-8 or GBK/GB18030.
 * Bad input returns every problem found (up to MAX_ISSUES) with file, row, column and what was
 * expected, and no matrix.
 */

export interface ParseResponsesOptions {
  readonly fileName: string;
  /**
   * Keys by item id (column header), e.g. `{ Q1: 'B', Q7: 'AC' }` (from the bank); used for a
   * column with option letters and no key in the #答案 row. A column of scores keeps no key.
   */
  readonly keys?: Readonly<Record<string, string>>;
  /**
   * Keys decided once the header and the administration rows are read (e.g. from the versions a
   * paper pinned); replaces `keys`. May throw to refuse the file.
   */
  readonly resolveKeys?: (
    columnIds: readonly string[],
    identity: ResponsesIdentity,
  ) => Readonly<Record<string, string>>;
  /** Max points by item id; used when no #满分 row. */
  readonly maxPoints?: Readonly<Record<string, number>>;
  /** Scoring of multiple-choice letters; default all-or-nothing (as in papers). */
  readonly multipleChoiceScoring?: MultipleChoiceScoring;
}

/** How `#日期` (and `stats import --date`) must be written. */
export const ADMINISTRATION_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The administration a file names in its `#考试` / `#场次` / `#日期` rows. */
export interface ResponsesIdentity {
  readonly examId?: string;
  readonly sessionId?: string;
  /** YYYY-MM-DD. */
  readonly administeredOn?: string;
}

export type ParsedResponses =
  | {
      readonly ok: true;
      readonly matrix: ResponseMatrix;
      readonly encoding: string;
      /** The keys the file's own #答案 row gives, by column id. */
      readonly fileKeys: ReadonlyMap<string, readonly OptionId[]>;
      readonly identity: ResponsesIdentity;
    }
  | { readonly ok: false; readonly issues: readonly ResponsesIssue[] };

const MAX_ISSUES = 50;
const META_ROWS = {
  key: ['#答案', '#key'],
  max: ['#满分', '#max'],
  options: ['#选项', '#options'],
} as const;
type MetaKind = keyof typeof META_ROWS;
const FILE_META_ROWS = {
  examId: ['#考试', '#exam'],
  sessionId: ['#场次', '#session'],
  administeredOn: ['#日期', '#date'],
} as const;
type FileMetaKind = keyof typeof FILE_META_ROWS;

function fileMetaKindOf(firstCell: string): FileMetaKind | undefined {
  const lower = firstCell.trim().toLowerCase();
  for (const kind of Object.keys(FILE_META_ROWS) as FileMetaKind[]) {
    if ((FILE_META_ROWS[kind] as readonly string[]).includes(lower)) return kind;
  }
  return undefined;
}

function metaKindOf(firstCell: string): MetaKind | undefined {
  const lower = firstCell.trim().toLowerCase();
  for (const kind of Object.keys(META_ROWS) as MetaKind[]) {
    if ((META_ROWS[kind] as readonly string[]).includes(lower)) return kind;
  }
  return undefined;
}

interface Context {
  readonly file: string;
  readonly header: readonly string[];
  readonly issues: ResponsesIssue[];
}

function report(context: Context, row: number, columnIndex: number | undefined, reason: string) {
  if (context.issues.length >= MAX_ISSUES) return;
  const column =
    columnIndex === undefined
      ? undefined
      : `${context.header[columnIndex] ?? ''}（${columnLetter(columnIndex)} 列）`;
  context.issues.push({
    file: context.file,
    row,
    ...(column === undefined ? {} : { column }),
    reason,
  });
}

function readHeader(cells: readonly string[], context: Context): Column[] {
  if (cells.length < 2) {
    report(context, 1, undefined, '表头应为：考生编号列，然后每题一列（题目编号）；至少两列');
    return [];
  }
  const seen = new Set<string>();
  return cells.slice(1).map((raw, index) => {
    const id = raw.trim();
    if (id.length === 0) report(context, 1, index + 1, '表头的题目编号为空');
    else if (seen.has(id)) report(context, 1, index + 1, `题目编号“${id}”重复`);
    seen.add(id);
    return { id };
  });
}

function applyMetaRow(
  kind: MetaKind,
  row: number,
  cells: readonly string[],
  columns: Column[],
  context: Context,
): void {
  columns.forEach((column, index) => {
    const text = (cells[index + 1] ?? '').trim();
    if (text.length === 0) return;
    if (kind === 'max') {
      const max = parseScore(text);
      if (max === undefined || max <= 0)
        report(context, row, index + 1, `满分应为大于 0 的数，实际为“${text}”`);
      else column.max = max;
      return;
    }
    const letters = parseOptionLetters(text);
    if (letters === undefined) {
      report(context, row, index + 1, `应为选项字母 A–F（如 B 或 AC），实际为“${text}”`);
    } else if (kind === 'key') column.key = letters;
    else column.offered = letters;
  });
}

function applyOptionMaps(
  columns: Column[],
  candidates: readonly CandidateRow[],
  options: ParseResponsesOptions,
  context: Context,
) {
  columns.forEach((column, index) => {
    const keyText = options.keys?.[column.id];
    const hasLetters = () =>
      candidates.some(({ cells }) => parseOptionLetters((cells[index + 1] ?? '').trim()));
    if (column.key === undefined && keyText !== undefined && hasLetters()) {
      const letters = parseOptionLetters(keyText);
      if (letters === undefined) {
        report(context, 1, index + 1, `提供的答案应为选项字母 A–F，实际为“${keyText}”`);
      } else column.key = letters;
    }
    const max = options.maxPoints?.[column.id];
    if (column.max === undefined && max !== undefined) {
      if (!(Number.isFinite(max) && max > 0))
        report(context, 1, index + 1, `提供的满分应大于 0，实际为 ${max}`);
      else column.max = max;
    }
  });
}

/** Checks run column by column and row by row; report in reading order (stable by row). */
function inReadingOrder(issues: readonly ResponsesIssue[]): ResponsesIssue[] {
  return [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

interface CandidateRow {
  readonly row: number;
  readonly cells: readonly string[];
}

export function parseResponsesCsv(
  bytes: Uint8Array,
  options: ParseResponsesOptions,
): ParsedResponses {
  const file = options.fileName;
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, issues: [{ file, reason: decoded.reason }] };
  const parsed = Papa.parse<string[]>(decoded.text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', '\t', ';'],
  });
  const csvIssues = parsed.errors
    .filter((error) => error.code !== 'UndetectableDelimiter')
    .map((error): ResponsesIssue => ({
      file,
      ...(typeof error.row === 'number' ? { row: error.row + 1 } : {}),
      reason: `CSV 格式错误：${error.code === 'MissingQuotes' ? '引号没有闭合' : error.message}`,
    }));
  if (csvIssues.length > 0) return { ok: false, issues: csvIssues.slice(0, MAX_ISSUES) };

  const records = parsed.data;
  const header = records[0] ?? [];
  const context: Context = { file, header, issues: [] };
  const columns = readHeader(header, context);
  const candidates: CandidateRow[] = [];
  const metaSeen = new Set<MetaKind>();
  const candidateIds = new Set<string>();
  const identity: { -readonly [K in keyof ResponsesIdentity]: ResponsesIdentity[K] } = {};
  records.slice(1).forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim().length === 0)) return;
    const first = (cells[0] ?? '').trim();
    const fileKind = fileMetaKindOf(first);
    if (fileKind !== undefined) {
      const value = (cells[1] ?? '').trim();
      if (identity[fileKind] !== undefined) report(context, row, 0, `“${first}”行重复`);
      else if (value.length === 0) report(context, row, 1, `“${first}”行的第二格应写明内容`);
      else if (fileKind === 'administeredOn' && !ADMINISTRATION_DATE.test(value))
        report(context, row, 1, `日期应写作 YYYY-MM-DD（如 2026-12-06），实际为“${value}”`);
      else identity[fileKind] = value;
      return;
    }
    const kind = metaKindOf(first);
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      report(context, row, undefined, `本行有 ${cells.length} 列，多于表头的 ${header.length} 列`);
    }
    if (kind === undefined && first.startsWith('#')) {
      report(
        context,
        row,
        0,
        `未知的说明行“${first}”：可用 #答案、#满分、#选项、#考试、#场次、#日期`,
      );
      return;
    }
    if (kind !== undefined) {
      if (metaSeen.has(kind)) report(context, row, 0, `“${first}”行重复`);
      metaSeen.add(kind);
      applyMetaRow(kind, row, cells, columns, context);
      return;
    }
    if (first.length === 0) report(context, row, 0, '考生编号为空');
    else if (candidateIds.has(first)) report(context, row, 0, `考生编号“${first}”重复`);
    candidateIds.add(first);
    if (cells.length < header.length) {
      report(
        context,
        row,
        undefined,
        `本行只有 ${cells.length} 列，应有 ${header.length} 列（空白作答也要保留逗号）`,
      );
    }
    candidates.push({ row, cells });
  });
  const fileKeys = new Map(
    columns.flatMap((column) =>
      column.key === undefined ? [] : [[column.id, column.key] as const],
    ),
  );
  if (options.resolveKeys !== undefined && context.issues.length === 0) {
    const keys = options.resolveKeys(
      columns.map((column) => column.id),
      identity,
    );
    applyOptionMaps(columns, candidates, { ...options, keys }, context);
  } else applyOptionMaps(columns, candidates, options, context);
  columns.forEach((column, index) => {
    const { key, offered } = column;
    const missing = key?.filter((option) => offered !== undefined && !offered.includes(option));
    if (missing !== undefined && missing.length > 0) {
      report(
        context,
        1,
        index + 1,
        `答案 ${missing.join('')} 不在 #选项 行列出的选项 ${offered?.join('') ?? ''} 中`,
      );
    }
  });
  if (candidates.length === 0 && context.issues.length === 0) {
    report(context, 2, undefined, '文件中没有考生作答行');
  }
  if (context.issues.length > 0) return { ok: false, issues: inReadingOrder(context.issues) };

  const matrix = buildMatrix(columns, candidates, options, context);
  if (matrix === undefined || context.issues.length > 0) {
    return { ok: false, issues: inReadingOrder(context.issues) };
  }
  return { ok: true, matrix, encoding: decoded.encoding, fileKeys, identity };
}

function buildMatrix(
  columns: readonly Column[],
  candidates: readonly CandidateRow[],
  options: ParseResponsesOptions,
  context: Context,
): ResponseMatrix | undefined {
  const n = candidates.length;
  const k = columns.length;
  const scores = new Float64Array(n * k);
  const omitted = new Uint8Array(n * k);
  const hasKeys = columns.some((column) => column.key !== undefined);
  const choices = hasKeys ? new Uint8Array(n * k) : undefined;
  const items: ItemColumn[] = [];
  const policy = options.multipleChoiceScoring ?? 'all_or_nothing';

  columns.forEach((column, j) => {
    const key = column.key;
    const max = column.max ?? (key === undefined ? undefined : 1);
    // A column holds few distinct texts ("A", "B", "AC", "0.5" …): interpret each once.
    const cache = new Map<string, CellValue>();
    let highestChosen = -1;
    let highestScore = 0;
    candidates.forEach(({ row, cells }, c) => {
      const at = c * k + j;
      const text = (cells[j + 1] ?? '').trim();
      if (text.length === 0) {
        omitted[at] = 1;
        return;
      }
      let value = cache.get(text);
      if (value === undefined) {
        value = interpretCell(text, column, max, policy);
        cache.set(text, value);
      }
      if ('error' in value) {
        report(context, row, j + 1, value.error);
        return;
      }
      scores[at] = value.score;
      if (value.score > highestScore) highestScore = value.score;
      if (value.mask !== 0) {
        if (choices !== undefined) choices[at] = value.mask;
        highestChosen = Math.max(highestChosen, 31 - Math.clz32(value.mask));
      }
    });
    if (max === undefined && highestScore > 1) {
      report(context, 1, j + 1, `缺少满分：出现分数 ${highestScore}，请在 #满分 行给出本题满分`);
    }
    items.push({
      id: column.id,
      maxPoints: max ?? 1,
      ...(key === undefined
        ? {}
        : { key, options: column.offered ?? defaultOffered(key, highestChosen) }),
    });
  });
  if (context.issues.length > 0) return undefined;
  return {
    candidateIds: candidates.map(({ cells }) => (cells[0] ?? '').trim()),
    items,
    scores,
    omitted,
    ...(choices === undefined ? {} : { choices }),
  };
}
