import { INCIDENT_CATEGORY_LABELS, type IncidentCategory } from '@skillexam/shared';
import { A4, formatChinaTime, renderPdf, type PdfDoc } from './pdf-document';

/*
 * 考场情况记录 (room incident record): the session and room, the times, the candidate counts,
 * every incident (category, time, candidates, description, action) and two proctor signature
 * lines. Printed after the session, signed by hand and filed (domain.md §5.6).
 */

export { INCIDENT_CATEGORY_LABELS, type IncidentCategory } from '@skillexam/shared';

export interface IncidentEntry {
  readonly at: number;
  readonly category: IncidentCategory;
  /** e.g. `2026DG0001 张三 (座位 3)`; empty for a room-wide incident. */
  readonly candidates: readonly string[];
  readonly description: string;
  /** 处理结果, e.g. 警告 / 试卷作废 / 补时10分钟. */
  readonly action: string;
}

export interface IncidentRecord {
  readonly examName: string;
  readonly occupationAndLevel: string;
  readonly siteName: string;
  readonly roomName: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly counts: {
    /** 应考 */ readonly registered: number;
    /** 实考 */ readonly present: number;
    /** 缺考 */ readonly absent: number;
    /** 作废 */ readonly voided: number;
  };
  readonly proctors: readonly string[];
  /** The session's 督考人员 (docs/decisions/0985); the line is left out when none is recorded. */
  readonly supervisors?: readonly string[];
  readonly incidents: readonly IncidentEntry[];
  readonly printedAt: Date;
  /** The audit chain head when printed: the signed paper copy pins it (docs/decisions/0214). */
  readonly chainHead?: { readonly seq: number; readonly hash: string };
}

const MARGIN = 50;
const WIDTH = A4.width - 2 * MARGIN;
const COLUMNS = [
  { title: '时间', width: 62 },
  { title: '类别', width: 52 },
  { title: '涉及考生', width: 100 },
  { title: '情况说明', width: 185 },
  { title: '处理结果', width: WIDTH - 62 - 52 - 100 - 185 },
] as const;

function timeOnly(epochMs: number): string {
  return formatChinaTime(epochMs).slice(-5);
}

function tableRow(doc: PdfDoc, cells: readonly string[], y: number, header: boolean): number {
  doc.fontSize(header ? 9.5 : 9);
  const heights = cells.map((cell, i) =>
    doc.heightOfString(cell, { width: (COLUMNS[i]?.width ?? 50) - 8 }),
  );
  const height = Math.max(18, ...heights.map((h) => h + 8));
  let x = MARGIN;
  cells.forEach((cell, i) => {
    const width = COLUMNS[i]?.width ?? 50;
    if (header)
      doc.rect(x, y, width, height).fillAndStroke('#eeeeee', '#000000').fillColor('#000000');
    else doc.rect(x, y, width, height).stroke();
    doc.text(cell, x + 4, y + 4, { width: width - 8 });
    x += width;
  });
  return y + height;
}

export function renderIncidentRecord(record: IncidentRecord): Promise<Uint8Array> {
  const meta = { title: `考场情况记录 · ${record.roomName}`, createdAt: record.printedAt };
  return renderPdf(meta, MARGIN, (doc) => {
    doc.lineWidth(0.6).strokeColor('#000000');
    doc.fontSize(18).text('考场情况记录', MARGIN, MARGIN, { width: WIDTH, align: 'center' });
    doc
      .fontSize(10)
      .text(`${record.examName} · ${record.occupationAndLevel}`, { width: WIDTH, align: 'center' });
    doc.moveDown(0.8);
    const info: [string, string][] = [
      ['考点', record.siteName],
      ['考场', record.roomName],
      ['开考时间', formatChinaTime(record.startedAt)],
      ['结束时间', formatChinaTime(record.endedAt)],
      [
        '考生人数',
        `应考 ${record.counts.registered} 人，实考 ${record.counts.present} 人，缺考 ${record.counts.absent} 人，试卷作废 ${record.counts.voided} 人`,
      ],
      ['监考人员', record.proctors.join('、')],
      ...(record.supervisors === undefined || record.supervisors.length === 0
        ? []
        : [['督考人员', record.supervisors.join('、')] as [string, string]]),
    ];
    for (const [label, value] of info)
      doc.fontSize(10.5).text(`${label}：${value}`, MARGIN, doc.y, { width: WIDTH });
    doc.moveDown(0.8);
    doc.fontSize(12).text('考场情况（违纪、设备故障、断电断网及其他）', MARGIN, doc.y);
    let y = doc.y + 6;
    y = tableRow(
      doc,
      COLUMNS.map((c) => c.title),
      y,
      true,
    );
    const incidents = [...record.incidents].sort((a, b) => a.at - b.at);
    if (incidents.length === 0)
      y = tableRow(doc, ['', '', '', '本场考试无异常情况。', ''], y, false);
    for (const incident of incidents) {
      const cells = [
        timeOnly(incident.at),
        INCIDENT_CATEGORY_LABELS[incident.category],
        incident.candidates.join('\n') || '全体',
        incident.description,
        incident.action,
      ];
      if (y + 60 > A4.height - MARGIN - 90) {
        doc.addPage();
        y = tableRow(
          doc,
          COLUMNS.map((c) => c.title),
          MARGIN,
          true,
        );
      }
      y = tableRow(doc, cells, y, false);
    }
    if (y > A4.height - MARGIN - 90) {
      doc.addPage();
      y = MARGIN;
    }
    const signY = Math.max(y + 30, A4.height - MARGIN - 80);
    doc.fontSize(11);
    doc.text('监考人员（签名）：____________________', MARGIN, signY, { lineBreak: false });
    doc.text('监考人员（签名）：____________________', MARGIN + WIDTH / 2, signY, {
      lineBreak: false,
    });
    doc.text('日期：________年____月____日', MARGIN, signY + 30, { lineBreak: false });
    doc
      .fontSize(8)
      .fillColor('#666666')
      .text(
        `打印时间：${formatChinaTime(record.printedAt.getTime())}${chainHeadText(record)}`,
        MARGIN,
        signY + 56,
        {
          lineBreak: false,
        },
      );
    doc.fillColor('#000000');
  });
}

function chainHeadText(record: IncidentRecord): string {
  return record.chainHead === undefined
    ? ''
    : `\u3000审计链头 #${record.chainHead.seq} SHA-256 ${record.chainHead.hash}`;
}
