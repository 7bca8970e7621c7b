import type { SeatLayout } from '@skillexam/shared';
import { A4, formatChinaTime, renderPdf, type PdfDoc } from '../pdf/pdf-document';
import { usableSeats, type SeatHolder } from './seat-assignment';

/*
 * 座位表 and 门贴 of one room (docs/decisions/0979). The chart is the room's grid as a plan with
 * the 讲台 at the top and row 1 below it, column 1 on the left — the same picture as the
 * console's seat page; each seat shows its label, name and 准考证号, an empty seat 「空座」, a
 * cell without a seat a cross, an aisle column 「过道」. The door list is the candidates of the
 * room by seat, for the door: room, session, time, 准考证号, name, seat.
 */

export interface SeatingChartData {
  readonly sessionName: string;
  readonly scheduledStart: number;
  readonly durationMinutes: number;
  readonly roomName: string;
  readonly layout: SeatLayout;
  readonly candidates: readonly SeatHolder[];
  readonly printedAt: Date;
}

const MARGIN = 36;
const WIDTH = A4.width - 2 * MARGIN;
const GAP = 4;

function timeRange(data: SeatingChartData): string {
  const end = formatChinaTime(data.scheduledStart + data.durationMinutes * 60_000).slice(-5);
  return `${formatChinaTime(data.scheduledStart)}–${end}`;
}

function header(doc: PdfDoc, title: string, data: SeatingChartData): void {
  doc.fillColor('#000000').fontSize(18);
  doc.text(`${data.roomName} ${title}`, MARGIN, MARGIN, { width: WIDTH, align: 'center' });
  doc.fontSize(10).text(`${data.sessionName}\u3000${timeRange(data)}`, MARGIN, doc.y + 2, {
    width: WIDTH,
    align: 'center',
  });
}

function footer(doc: PdfDoc, data: SeatingChartData, text: string): void {
  doc.fontSize(8).fillColor('#555555');
  doc.text(
    `${text}\u3000打印时间：${formatChinaTime(data.printedAt.getTime())}`,
    MARGIN,
    A4.height - MARGIN - 18,
    { width: WIDTH, lineBreak: false },
  );
  doc.fillColor('#000000');
}

function aisleColumns(layout: SeatLayout): Set<number> {
  const used = new Set(layout.seats.map((s) => s.column));
  const aisles = new Set<number>();
  for (let column = 1; column <= layout.columns; column += 1)
    if (!used.has(column) && layout.rows > 1) aisles.add(column);
  return aisles;
}

function drawCross(doc: PdfDoc, x: number, y: number, w: number, h: number): void {
  doc.rect(x, y, w, h).fillAndStroke('#eeeeee', '#999999');
  doc
    .moveTo(x + 3, y + 3)
    .lineTo(x + w - 3, y + h - 3)
    .moveTo(x + w - 3, y + 3)
    .lineTo(x + 3, y + h - 3)
    .stroke('#999999');
  doc.strokeColor('#000000').fillColor('#000000');
}

export function renderSeatingChart(data: SeatingChartData): Promise<Uint8Array> {
  const meta = { title: `座位表 · ${data.roomName}`, createdAt: data.printedAt };
  return renderPdf(meta, MARGIN, (doc) => {
    header(doc, '座位表', data);
    const { layout } = data;
    const bySeat = new Map(data.candidates.map((c) => [c.seat, c]));
    const podiumTop = doc.y + 10;
    doc
      .lineWidth(0.8)
      .rect(MARGIN + WIDTH / 2 - 80, podiumTop, 160, 24)
      .stroke();
    doc.fontSize(12).text('讲\u3000台', MARGIN + WIDTH / 2 - 80, podiumTop + 6, {
      width: 160,
      align: 'center',
    });
    const top = podiumTop + 40;
    const bottom = A4.height - MARGIN - 40;
    const cellW = Math.min(110, (WIDTH - GAP * (layout.columns - 1)) / layout.columns);
    const cellH = Math.min(64, (bottom - top - GAP * (layout.rows - 1)) / layout.rows);
    const size = Math.max(3, Math.min(11, cellW / 7, cellH / 4.4));
    const left = MARGIN + (WIDTH - (cellW * layout.columns + GAP * (layout.columns - 1))) / 2;
    const cells = new Map(layout.seats.map((s) => [`${s.row}:${s.column}`, s]));
    const aisles = aisleColumns(layout);
    doc.lineWidth(0.6);
    for (let row = 1; row <= layout.rows; row += 1) {
      for (let column = 1; column <= layout.columns; column += 1) {
        const x = left + (column - 1) * (cellW + GAP);
        const y = top + (row - 1) * (cellH + GAP);
        if (aisles.has(column)) {
          if (row === 1)
            doc
              .fontSize(size)
              .fillColor('#777777')
              .text('过道', x, y + 2, { width: cellW, align: 'center' });
          doc.fillColor('#000000');
          continue;
        }
        const seat = cells.get(`${row}:${column}`);
        if (seat === undefined) {
          drawCross(doc, x, y, cellW, cellH);
          continue;
        }
        const holder = bySeat.get(seat.seat);
        doc.rect(x, y, cellW, cellH).stroke('#000000');
        const lines =
          holder === undefined
            ? [seat.label, '空座']
            : [seat.label, holder.name, holder.admissionTicketNumber];
        doc.fillColor(holder === undefined ? '#777777' : '#000000');
        const lineH = size * 1.35;
        const first = y + (cellH - lines.length * lineH - size * 0.15) / 2;
        lines.forEach((line, i) => {
          doc.fontSize(i === 0 ? size * 1.15 : size);
          doc.text(line, x + 2, first + i * lineH, {
            width: cellW - 4,
            align: 'center',
            lineBreak: false,
          });
        });
        doc.fillColor('#000000');
      }
    }
    const seats = layout.seats.length;
    const seated = data.candidates.length;
    footer(
      doc,
      data,
      `座位 ${seats} 个，考生 ${seated} 人，空座 ${seats - seated} 个；灰色叉号格为不设座位（停用）`,
    );
  });
}

const COLUMNS = [
  { title: '座位号', width: 80 },
  { title: '准考证号', width: 200 },
  { title: '姓名', width: WIDTH - 280 },
] as const;
const ROW_H = 20;

function tableRow(doc: PdfDoc, cells: readonly string[], y: number, head: boolean): void {
  let x = MARGIN;
  doc.fontSize(head ? 11 : 11.5);
  cells.forEach((cell, i) => {
    const width = COLUMNS[i]?.width ?? 80;
    if (head) doc.rect(x, y, width, ROW_H).fillAndStroke('#eeeeee', '#000000');
    else doc.rect(x, y, width, ROW_H).stroke('#000000');
    doc.fillColor('#000000').text(cell, x + 6, y + 5, { width: width - 12, lineBreak: false });
    x += width;
  });
}

export function renderDoorList(data: SeatingChartData): Promise<Uint8Array> {
  const meta = { title: `门贴 · ${data.roomName}`, createdAt: data.printedAt };
  const order = new Map(usableSeats(data.layout).map((s, i) => [s.seat, { i, label: s.label }]));
  const rows = [...data.candidates].sort(
    (a, b) => (order.get(a.seat)?.i ?? a.seat) - (order.get(b.seat)?.i ?? b.seat),
  );
  return renderPdf(meta, MARGIN, (doc) => {
    const page = (first: boolean) => {
      if (!first) doc.addPage();
      doc.fontSize(28).text(data.roomName, MARGIN, MARGIN, { width: WIDTH, align: 'center' });
      doc.fontSize(12).text(data.sessionName, MARGIN, doc.y + 4, { width: WIDTH, align: 'center' });
      doc.text(`考试时间：${timeRange(data)}\u3000考生 ${rows.length} 人`, MARGIN, doc.y + 2, {
        width: WIDTH,
        align: 'center',
      });
      const y = doc.y + 12;
      doc.lineWidth(0.6);
      tableRow(
        doc,
        COLUMNS.map((c) => c.title),
        y,
        true,
      );
      return y + ROW_H;
    };
    let y = page(true);
    if (rows.length === 0) tableRow(doc, ['', '本考场暂无考生', ''], y, false);
    for (const candidate of rows) {
      if (y + ROW_H > A4.height - MARGIN - 24) y = page(false);
      const label = order.get(candidate.seat)?.label ?? String(candidate.seat);
      tableRow(doc, [label, candidate.admissionTicketNumber, candidate.name], y, false);
      y += ROW_H;
    }
    footer(doc, data, '门贴');
  });
}
