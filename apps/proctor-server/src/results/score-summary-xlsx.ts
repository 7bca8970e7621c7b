import { maskIdNumber } from '@skillexam/shared';
import type ExcelJS from 'exceljs';
import { RESULT_STATUS_LABELS } from '@skillexam/item-bank/results-package';
import {
  countedTotal,
  passLabel,
  type CandidateResult,
  type ResultsSession,
} from './candidate-result';
import { formatChinaTime } from '../pdf/pdf-document';

/*
 * 成绩汇总表 (.xlsx): a title row, a frozen header row, one row per candidate ordered by room,
 * seat and ticket number; per-section points, total, 是否合格 and 状态. ID numbers masked.
 */

export interface ScoreSummaryInput {
  readonly session: ResultsSession;
  /** Section titles, in paper order (from the answer keys). */
  readonly sectionTitles: readonly string[];
  readonly results: readonly CandidateResult[];
  readonly generatedAt: Date;
  /** Printed under the table so a paper copy pins the audit chain (docs/decisions/0214). */
  readonly chainHead?: { readonly seq: number; readonly hash: string };
}

export const SCORE_SUMMARY_FIXED_HEADERS = [
  '序号',
  '准考证号',
  '姓名',
  '身份证号',
  '考场',
  '座位号',
] as const;
const SCORE_FORMAT = '0.00';

export function sortResults(results: readonly CandidateResult[]): CandidateResult[] {
  return [...results].sort(
    (a, b) =>
      a.roomName.localeCompare(b.roomName, 'zh-CN') ||
      a.seat - b.seat ||
      a.admissionTicketNumber.localeCompare(b.admissionTicketNumber),
  );
}

export async function writeScoreSummaryXlsx(input: ScoreSummaryInput): Promise<Uint8Array> {
  // exceljs loads when a workbook is read or written, not at server start (decision 0723).
  const { default: Excel }: { default: typeof ExcelJS } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'SkillExam proctor server';
  workbook.created = input.generatedAt;
  const sheet = workbook.addWorksheet('成绩汇总表', {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 3 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const headers = [
    ...SCORE_SUMMARY_FIXED_HEADERS,
    ...input.sectionTitles,
    '总分',
    '是否合格',
    '状态',
  ];

  sheet.addRow([`${input.session.examTitle} 成绩汇总表`]);
  sheet.mergeCells(1, 1, 1, headers.length);
  const title = sheet.getRow(1);
  title.font = { size: 16, bold: true };
  title.alignment = { horizontal: 'center' };
  title.height = 26;
  sheet.addRow([
    `${input.session.occupationAndLevel}\u3000考点：${input.session.siteName}\u3000场次：${input.session.sessionName}\u3000考试时间：${formatChinaTime(input.session.startsAt)}（${input.session.durationMinutes}分钟）`,
  ]);
  sheet.mergeCells(2, 1, 2, headers.length);
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  sortResults(input.results).forEach((result, index) => {
    const counted = result.status === 'normal' && result.score !== undefined;
    const sectionPoints = input.sectionTitles.map((_, i) =>
      counted ? (result.score?.sections[i]?.points ?? null) : null,
    );
    const row = sheet.addRow([
      index + 1,
      result.admissionTicketNumber,
      result.name,
      maskIdNumber(result.idNumber),
      result.roomName,
      result.seat,
      ...sectionPoints,
      countedTotal(result) ?? null,
      passLabel(result),
      RESULT_STATUS_LABELS[result.status],
    ]);
    for (
      let column = SCORE_SUMMARY_FIXED_HEADERS.length + 1;
      column <= headers.length - 2;
      column += 1
    ) {
      row.getCell(column).numFmt = SCORE_FORMAT;
    }
  });

  if (input.chainHead !== undefined) {
    sheet.addRow([]);
    const footer = sheet.addRow([chainHeadLine(input.chainHead)]);
    sheet.mergeCells(footer.number, 1, footer.number, headers.length);
    footer.font = { size: 9 };
  }

  const widths = [6, 16, 12, 21, 12, 8, ...input.sectionTitles.map(() => 11), 9, 9, 7];
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.getColumn(2).numFmt = '@';
  sheet.getColumn(4).numFmt = '@';
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: headers.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The line that pins the audit chain on printed results: seq and the full SHA-256. */
export function chainHeadLine(head: { readonly seq: number; readonly hash: string }): string {
  return `审计链头 (audit chain head): #${head.seq} SHA-256 ${head.hash}`;
}
