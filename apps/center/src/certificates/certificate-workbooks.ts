import type ExcelJS from 'exceljs';
import { LEVEL_NAMES, type CertificateLevel } from './certificate-number';
import { chinaIsoDate } from './china-time';
import type { ExportRow } from './export-repository';
import type { Counts, MonthlyStatistics } from './monthly-statistics';

/*
 * Spreadsheets: the certificate data in the national upload layout (one row per certificate,
 * columns in docs/decisions/1023-certificate-data-export-layout.md) and the monthly statistics.
 * Every value is written as a typed cell (text stays text: no formula can be smuggled in a
 * name). exceljs is loaded when the first workbook is made.
 */

export const NATIONAL_COLUMNS: readonly {
  header: string;
  width: number;
  value: (row: ExportRow) => string | number;
}[] = [
  { header: '证书编号', width: 26, value: (r) => r.number },
  { header: '姓名', width: 12, value: (r) => r.name },
  { header: '证件类型', width: 14, value: (r) => r.id_type },
  { header: '证件号码', width: 22, value: (r) => r.id_number },
  { header: '职业名称', width: 24, value: (r) => r.occupation_name },
  { header: '职业编码', width: 12, value: (r) => r.occupation_code },
  { header: '工种', width: 18, value: (r) => r.job_type ?? '' },
  { header: '等级', width: 14, value: (r) => LEVEL_NAMES[r.level as CertificateLevel] },
  { header: '等级代码', width: 8, value: (r) => r.level },
  { header: '发证日期', width: 12, value: (r) => chinaIsoDate(r.issued_at) },
  { header: '评价机构名称', width: 28, value: (r) => r.organisation_name },
  { header: '评价机构代码', width: 12, value: (r) => r.organisation_code },
  {
    header: '评价机构类别',
    width: 12,
    value: (r) => (r.organisation_kind === 'Y' ? 'Y 用人单位' : 'S 社会培训评价组织'),
  },
  { header: '省份代码', width: 8, value: (r) => r.province },
  { header: '评价机构（站点）序列码', width: 20, value: (r) => r.number.slice(7, 13) },
  { header: '证书状态', width: 8, value: (r) => (r.status === 'valid' ? '有效' : '作废') },
  {
    header: '作废日期',
    width: 12,
    value: (r) => (r.voided_at === null ? '' : chinaIsoDate(r.voided_at)),
  },
  { header: '作废原因', width: 24, value: (r) => r.void_reason ?? '' },
];

async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel }: { default: typeof ExcelJS } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'SkillExam 评价中心';
  return workbook;
}

function header(
  sheet: ExcelJS.Worksheet,
  columns: readonly { header: string; width: number }[],
): void {
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The certificate data of a month, one sheet 证书数据, all cells text except 等级代码. */
export async function nationalUploadWorkbook(rows: readonly ExportRow[]): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet('证书数据');
  header(sheet, NATIONAL_COLUMNS);
  for (const row of rows) sheet.addRow(NATIONAL_COLUMNS.map((column) => column.value(row)));
  // Numbers and codes are text so leading zeros stay (评价机构代码 0000, 站点序列码 000123).
  for (const index of [1, 4, 6, 12, 14, 15]) sheet.getColumn(index).numFmt = '@';
  return bytesOf(workbook);
}

const COUNT_COLUMNS = [
  { header: '发证数', width: 10 },
  { header: '其中作废', width: 10 },
  { header: '有效数', width: 10 },
];

function counts(row: Counts): number[] {
  return [row.issued, row.voided, row.valid];
}

/** The monthly statistics: 汇总, 按职业, 按等级, 按站点. */
export async function statisticsWorkbook(statistics: MonthlyStatistics): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  const summary = workbook.addWorksheet('汇总');
  header(summary, [{ header: '统计月份', width: 12 }, ...COUNT_COLUMNS]);
  summary.addRow([statistics.month, ...counts(statistics.totals)]);

  const byOccupation = workbook.addWorksheet('按职业');
  header(byOccupation, [
    { header: '职业编码', width: 12 },
    { header: '职业名称', width: 24 },
    ...COUNT_COLUMNS,
  ]);
  for (const row of statistics.byOccupation) {
    byOccupation.addRow([row.occupationCode, row.occupationName, ...counts(row)]);
  }

  const byLevel = workbook.addWorksheet('按等级');
  header(byLevel, [{ header: '等级', width: 16 }, ...COUNT_COLUMNS]);
  for (const row of statistics.byLevel) byLevel.addRow([row.levelName, ...counts(row)]);

  const bySite = workbook.addWorksheet('按站点');
  header(bySite, [
    { header: '评价机构', width: 28 },
    { header: '评价机构（站点）序列码', width: 20 },
    { header: '站点名称', width: 24 },
    ...COUNT_COLUMNS,
  ]);
  for (const row of statistics.bySite) {
    bySite.addRow([row.organisationName, row.siteSerial, row.siteName ?? '', ...counts(row)]);
  }
  return bytesOf(workbook);
}
