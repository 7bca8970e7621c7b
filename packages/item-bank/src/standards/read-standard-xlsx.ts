import { errorMessage, THEORY_LEVEL_CODES, type TheoryLevelCode } from '@skillexam/shared';
import type ExcelJS from 'exceljs';
import { finishStandardDocument, type ReadStandardResult } from './read-standard-json';
import {
  StandardDocumentSchema,
  STANDARD_FILE_FORMAT,
  STANDARD_FILE_VERSION,
} from './standard-document';
import type { StandardIssue } from './standard-issue';
import {
  INFO_KEYS,
  INFO_SHEET,
  LEVEL_COLUMN_NAMES,
  parseLevelList,
  TREE_COLUMNS,
  TREE_SHEET,
} from './standard-xlsx-layout';
import { cellText, columnLetter } from './xlsx-cells';

interface RawPoint {
  code: string;
  name: string;
  importance: string;
  levels?: TheoryLevelCode[];
}
interface RawRange {
  code: string;
  name: string;
  weights: Partial<Record<TheoryLevelCode, number>>;
  children: RawRange[];
  points: RawPoint[];
}

type Located = { row: number; column?: string };

/** Reads a standard from the Excel 细目表 template (docs/formats/standard-xlsx.md). */
export async function readStandardXlsx(
  bytes: Uint8Array,
  file: string,
): Promise<ReadStandardResult> {
  const issues: StandardIssue[] = [];
  // exceljs loads when a workbook is read or written (decision 0723)
  const { default: Excel }: { default: typeof ExcelJS } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    const detail = errorMessage(error);
    return { issues: [{ file, reason: `不是有效的 .xlsx 文件 (${detail})`, severity: 'error' }] };
  }
  const info = workbook.getWorksheet(INFO_SHEET);
  const tree = workbook.getWorksheet(TREE_SHEET);
  for (const [sheet, name] of [
    [info, INFO_SHEET],
    [tree, TREE_SHEET],
  ] as const) {
    if (sheet === undefined) {
      issues.push({ file, sheet: name, reason: `缺少工作表「${name}」`, severity: 'error' });
    }
  }
  if (info === undefined || tree === undefined) return { issues };

  const err = (sheet: string, at: Located, reason: string) =>
    issues.push({
      file,
      sheet,
      row: at.row,
      ...(at.column ? { column: at.column } : {}),
      reason,
      severity: 'error',
    });

  // 标准信息: key in column A, value in column B.
  const facts = new Map<string, { value: string; row: number }>();
  info.eachRow((row, rowNumber) => {
    const key = cellText(row.getCell(1).value);
    if (key !== '') facts.set(key, { value: cellText(row.getCell(2).value), row: rowNumber });
  });
  const fact = (key: string) => facts.get(key)?.value ?? '';
  const levelsFact = facts.get(INFO_KEYS.levels);
  const levels = parseLevelList(levelsFact?.value ?? '');
  if (levels.some((level) => level === undefined)) {
    err(
      INFO_SHEET,
      { row: levelsFact?.row ?? 0, column: 'B' },
      `等级应写作 5,4,3,2,1 或 五级、四级…，实际为「${levelsFact?.value ?? ''}」`,
    );
  }

  // 细目表: header row, then one row per range or point.
  const header = tree.getRow(1);
  const columns = new Map<string, number>();
  header.eachCell((cell, column) => {
    const text = cellText(cell.value)
      .replace(/[（(].*?[)）]/g, '')
      .replace(/%|％/g, '');
    if (text !== '') columns.set(text, column);
  });
  const required = [
    TREE_COLUMNS.rangeCode,
    TREE_COLUMNS.rangeName,
    TREE_COLUMNS.pointCode,
    TREE_COLUMNS.pointName,
    TREE_COLUMNS.importance,
  ];
  for (const name of required) {
    if (!columns.has(name)) err(TREE_SHEET, { row: 1 }, `缺少表头列「${name}」`);
  }
  if (issues.length > 0) return { issues };

  const col = (name: string) => columns.get(name) ?? 0;
  const roots: RawRange[] = [];
  const byPath = new Map<string, RawRange>();
  const rowOfField = new Map<string, number>();
  const jsonPathOf = new Map<string, string>();
  let lastRange: { path: string; range: RawRange } | undefined;

  tree.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const text = (name: string) =>
      columns.has(name) ? cellText(row.getCell(col(name)).value) : '';
    const rangeCode = text(TREE_COLUMNS.rangeCode).toUpperCase().replace(/\s+/g, '');
    const pointCodeRaw = text(TREE_COLUMNS.pointCode).replace(/\s+/g, '');
    if (
      rangeCode === '' &&
      pointCodeRaw === '' &&
      text(TREE_COLUMNS.rangeName) === '' &&
      text(TREE_COLUMNS.pointName) === ''
    )
      return;

    if (pointCodeRaw === '') {
      // A range row.
      const segments = rangeCode.split('-');
      const parentPath = segments.slice(0, -1).join('-');
      const code = segments.at(-1) ?? '';
      const weights: Partial<Record<TheoryLevelCode, number>> = {};
      for (const level of THEORY_LEVEL_CODES) {
        const name = LEVEL_COLUMN_NAMES[level];
        if (!columns.has(name)) continue;
        const raw = text(name).replace(/%|％/g, '');
        if (raw === '' || raw === '—' || raw === '-' || raw === '/') continue;
        const value = Number(raw);
        if (!Number.isFinite(value)) {
          err(
            TREE_SHEET,
            { row: rowNumber, column: columnLetter(col(name)) },
            `比重应为 0–100 的数字，实际为「${raw}」`,
          );
          continue;
        }
        weights[level] = value;
      }
      if (rangeCode === '') {
        err(
          TREE_SHEET,
          { row: rowNumber, column: columnLetter(col(TREE_COLUMNS.rangeCode)) },
          '鉴定范围行缺少鉴定范围代码（如 A 或 A-B）',
        );
        return;
      }
      if (byPath.has(rangeCode)) {
        err(
          TREE_SHEET,
          { row: rowNumber, column: columnLetter(col(TREE_COLUMNS.rangeCode)) },
          `鉴定范围代码 ${rangeCode} 重复`,
        );
        return;
      }
      const range: RawRange = {
        code,
        name: text(TREE_COLUMNS.rangeName),
        weights,
        children: [],
        points: [],
      };
      let jsonPath: string;
      if (parentPath === '') {
        jsonPath = `ranges.${roots.length}`;
        roots.push(range);
      } else {
        const parent = byPath.get(parentPath);
        if (parent === undefined) {
          err(
            TREE_SHEET,
            { row: rowNumber, column: columnLetter(col(TREE_COLUMNS.rangeCode)) },
            `上级鉴定范围 ${parentPath} 不存在，或写在了本行之后`,
          );
          return;
        }
        jsonPath = `${jsonPathOf.get(parentPath) ?? ''}.children.${parent.children.length}`;
        parent.children.push(range);
      }
      byPath.set(rangeCode, range);
      jsonPathOf.set(rangeCode, jsonPath);
      rowOfField.set(jsonPath, rowNumber);
      lastRange = { path: rangeCode, range };
      return;
    }

    // A point row: its range is the code given, or the last range row above.
    const owner =
      rangeCode === ''
        ? lastRange
        : byPath.has(rangeCode)
          ? { path: rangeCode, range: byPath.get(rangeCode) as RawRange }
          : undefined;
    if (owner === undefined) {
      err(
        TREE_SHEET,
        { row: rowNumber, column: columnLetter(col(TREE_COLUMNS.rangeCode)) },
        rangeCode === ''
          ? '鉴定点写在了所有鉴定范围之前'
          : `鉴定点所属的鉴定范围 ${rangeCode} 不存在`,
      );
      return;
    }
    const pointCode = /^\d{1,3}$/.test(pointCodeRaw) ? pointCodeRaw.padStart(3, '0') : pointCodeRaw;
    const importance = text(TREE_COLUMNS.importance).toUpperCase().normalize('NFKC');
    if (!['X', 'Y', 'Z'].includes(importance)) {
      err(
        TREE_SHEET,
        { row: rowNumber, column: columnLetter(col(TREE_COLUMNS.importance)) },
        `重要程度应为 X、Y 或 Z，实际为「${importance}」`,
      );
    }
    const levelText = text(TREE_COLUMNS.pointLevels);
    const point: RawPoint = { code: pointCode, name: text(TREE_COLUMNS.pointName), importance };
    if (levelText !== '') {
      const parsed = parseLevelList(levelText);
      if (parsed.some((level) => level === undefined)) {
        err(
          TREE_SHEET,
          { row: rowNumber, column: columnLetter(col(TREE_COLUMNS.pointLevels)) },
          `适用等级无法识别：「${levelText}」`,
        );
      } else {
        point.levels = parsed.filter((level): level is TheoryLevelCode => level !== undefined);
      }
    }
    rowOfField.set(
      `${jsonPathOf.get(owner.path) ?? ''}.points.${owner.range.points.length}`,
      rowNumber,
    );
    owner.range.points.push(point);
  });
  if (issues.length > 0) return { issues };

  const subTrades = fact(INFO_KEYS.subTrades)
    .split(/[,，、;；]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => ({ name }));
  const optional = (key: string) =>
    fact(key) === '' ? {} : { [key === INFO_KEYS.title ? 'title' : 'documentNumber']: fact(key) };
  const strip = (range: RawRange): unknown => ({
    code: range.code,
    name: range.name,
    weights: range.weights,
    ...(range.children.length > 0 ? { children: range.children.map(strip) } : {}),
    ...(range.points.length > 0 ? { points: range.points } : {}),
  });
  const raw = {
    format: STANDARD_FILE_FORMAT,
    formatVersion: STANDARD_FILE_VERSION,
    occupation: {
      code: fact(INFO_KEYS.occupationCode),
      name: fact(INFO_KEYS.occupationName),
      edition: Number(fact(INFO_KEYS.edition)),
      subTrades,
    },
    standard: {
      occupationCode: fact(INFO_KEYS.occupationCode),
      version: fact(INFO_KEYS.version),
      ...optional(INFO_KEYS.title),
      ...optional(INFO_KEYS.documentNumber),
      levels,
      theoryWeights: [],
    },
    ranges: roots.map(strip),
  };
  const parsed = StandardDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((issue) =>
        locateIssue(issue.path.map(String), issue.message, file, facts, rowOfField),
      ),
    };
  }
  return finishStandardDocument(parsed.data, file);
}

const FACT_OF_FIELD: Record<string, string> = {
  'occupation.code': INFO_KEYS.occupationCode,
  'occupation.name': INFO_KEYS.occupationName,
  'occupation.edition': INFO_KEYS.edition,
  'occupation.subTrades': INFO_KEYS.subTrades,
  'standard.occupationCode': INFO_KEYS.occupationCode,
  'standard.version': INFO_KEYS.version,
  'standard.title': INFO_KEYS.title,
  'standard.documentNumber': INFO_KEYS.documentNumber,
  'standard.levels': INFO_KEYS.levels,
};

/** Maps a schema issue back to the sheet and row it came from. */
function locateIssue(
  path: string[],
  message: string,
  file: string,
  facts: Map<string, { value: string; row: number }>,
  rowOfField: Map<string, number>,
): StandardIssue {
  const field = path.join('.');
  const factKey = FACT_OF_FIELD[path.slice(0, 2).join('.')];
  if (factKey !== undefined) {
    const row = facts.get(factKey)?.row;
    return {
      file,
      sheet: INFO_SHEET,
      ...(row === undefined ? {} : { row }),
      column: 'B',
      field: factKey,
      reason: message,
      severity: 'error',
    };
  }
  for (let length = path.length; length > 0; length -= 1) {
    const row = rowOfField.get(path.slice(0, length).join('.'));
    if (row !== undefined)
      return { file, sheet: TREE_SHEET, row, field, reason: message, severity: 'error' };
  }
  return { file, sheet: TREE_SHEET, field, reason: message, severity: 'error' };
}
