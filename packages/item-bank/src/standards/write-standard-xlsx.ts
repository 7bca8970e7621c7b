import { flattenRanges, type TheoryLevelCode } from '@skillexam/shared';
import type ExcelJS from 'exceljs';
import type { StandardDocument } from './standard-document';
import { INFO_KEYS, INFO_SHEET, TREE_HEADER, TREE_SHEET } from './standard-xlsx-layout';

const LEVEL_ORDER: readonly TheoryLevelCode[] = [5, 4, 3, 2, 1];

/**
 * Writes a standard as the Excel 细目表 template. With no document it writes an empty template
 * (headers only) for people to fill in; tests use it to build real .xlsx files.
 */
export async function writeStandardXlsx(doc?: StandardDocument): Promise<Uint8Array> {
  // exceljs loads when a workbook is read or written (decision 0723)
  const { default: Excel }: { default: typeof ExcelJS } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const info = workbook.addWorksheet(INFO_SHEET);
  info.columns = [{ width: 14 }, { width: 40 }];
  const facts: [string, string | number][] = [
    [INFO_KEYS.occupationCode, doc?.occupation.code ?? ''],
    [INFO_KEYS.occupationName, doc?.occupation.name ?? ''],
    [INFO_KEYS.edition, doc?.occupation.edition ?? 2015],
    [INFO_KEYS.subTrades, (doc?.occupation.subTrades ?? []).map((trade) => trade.name).join('、')],
    [INFO_KEYS.version, doc?.standard.version ?? ''],
    [INFO_KEYS.title, doc?.standard.title ?? ''],
    [INFO_KEYS.documentNumber, doc?.standard.documentNumber ?? ''],
    [INFO_KEYS.levels, (doc?.standard.levels ?? LEVEL_ORDER).join(',')],
  ];
  for (const row of facts) info.addRow(row);

  const tree = workbook.addWorksheet(TREE_SHEET);
  tree.addRow([...TREE_HEADER]);
  tree.getRow(1).font = { bold: true };
  for (const { path, range } of flattenRanges(doc?.ranges ?? [])) {
    tree.addRow([
      path,
      range.name,
      ...LEVEL_ORDER.map((level) => range.weights[level] ?? ''),
      '',
      '',
      '',
      '',
    ]);
    for (const point of range.points ?? []) {
      tree.addRow([
        path,
        '',
        ...LEVEL_ORDER.map(() => ''),
        point.code,
        point.name,
        point.importance,
        (point.levels ?? []).join(','),
      ]);
    }
  }
  tree.columns.forEach((column, index) => {
    column.width = index === 1 || index === 8 ? 30 : 12;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
