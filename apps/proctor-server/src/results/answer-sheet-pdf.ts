import {
  ANSWER_KEY_STYLES,
  formatAnswerKey,
  maskIdNumber,
  silentProgress,
  type PaperAnswerKeys,
  type Progress,
} from '@skillexam/shared';
import { A4, formatChinaTime, type PdfDoc } from '../pdf/pdf-document';
import { RESULT_STATUS_LABELS } from '@skillexam/item-bank/results-package';
import {
  countedTotal,
  passLabel,
  type CandidateResult,
  type ResultsSession,
} from './candidate-result';
import { formatAnswer, formatPoints, ITEM_TYPE_LABELS } from './format-answer';
import { renderPdfInSteps } from './stepwise-pdf';

/** As every server PDF (pdf/pdf-document.ts). */
const PDF_AUTHOR = 'SkillExam proctor server';

/*
 * 答卷 (per-candidate answer sheets) for the archive: one candidate per page run, every item
 * with the answer given, the key and the points. Server-side only: it shows keys.
 */

const MARGIN = 40;
const WIDTH = A4.width - 2 * MARGIN;
const COLUMNS = [
  { title: '题号', width: 34 },
  { title: '题型', width: 34 },
  { title: '考生答案', width: 200 },
  { title: '标准答案', width: 180 },
  { title: '得分', width: WIDTH - 34 - 34 - 200 - 180 },
] as const;

function row(doc: PdfDoc, cells: readonly string[], y: number, header: boolean): number {
  doc.fontSize(8);
  const height = Math.max(
    14,
    ...cells.map(
      (cell, i) => doc.heightOfString(cell, { width: (COLUMNS[i]?.width ?? 40) - 6 }) + 5,
    ),
  );
  let x = MARGIN;
  cells.forEach((cell, i) => {
    const width = COLUMNS[i]?.width ?? 40;
    if (header)
      doc.rect(x, y, width, height).fillAndStroke('#eeeeee', '#999999').fillColor('#000000');
    else doc.rect(x, y, width, height).strokeColor('#999999').stroke();
    doc.text(cell, x + 3, y + 3, { width: width - 6 });
    x += width;
  });
  return y + height;
}

function drawCandidate(
  doc: PdfDoc,
  session: ResultsSession,
  keys: PaperAnswerKeys,
  result: CandidateResult,
): void {
  doc
    .fontSize(15)
    .fillColor('#000000')
    .text('考 生 答 卷', MARGIN, MARGIN, { width: WIDTH, align: 'center' });
  doc.fontSize(9).text(`${session.examTitle} · ${session.occupationAndLevel}`, {
    width: WIDTH,
    align: 'center',
  });
  doc.moveDown(0.5);
  const total = countedTotal(result);
  doc
    .fontSize(9.5)
    .text(
      `准考证号：${result.admissionTicketNumber}\u3000姓名：${result.name}\u3000身份证号：${maskIdNumber(result.idNumber)}\u3000考场：${result.roomName}\u3000座位：${result.seat}`,
      MARGIN,
      doc.y,
      { width: WIDTH },
    );
  doc.text(
    `考试时间：${formatChinaTime(session.startsAt)}\u3000状态：${RESULT_STATUS_LABELS[result.status]}\u3000总分：${total ?? '—'}\u3000是否合格：${passLabel(result)}`,
    { width: WIDTH },
  );
  if (result.score !== undefined) {
    const sections = result.score.sections
      .map((s) => `${s.title} ${s.points}/${s.maxPoints}`)
      .join('\u3000');
    doc.text(`各部分得分：${sections}`, { width: WIDTH });
  }
  if (result.itemNumbers !== undefined) {
    doc.text('题号为该考生乱序试卷中的题号；考生答案与标准答案均按标准选项字母记录。', {
      width: WIDTH,
    });
  }
  let y = doc.y + 6;
  const titles = COLUMNS.map((c) => c.title);
  y = row(doc, titles, y, true);
  const scores = new Map(result.score?.items.map((item) => [item.itemId, item.score]) ?? []);
  const numberOf = (item: { itemId: string; number: number }): number =>
    result.itemNumbers?.get(item.itemId) ?? item.number;
  for (const section of keys.sections) {
    // in the candidate's own order (乱序 moves items within their section only)
    const items = [...section.items].sort((a, b) => numberOf(a) - numberOf(b));
    for (const item of items) {
      const score = scores.get(item.itemId);
      const cells = [
        String(numberOf(item)),
        ITEM_TYPE_LABELS[item.answer.type],
        formatAnswer(result.answers?.get(item.itemId), item.answer),
        formatAnswerKey(item.answer, ANSWER_KEY_STYLES.answerSheet),
        score === undefined ? '—' : formatPoints(score),
      ];
      doc.fontSize(8);
      const needed = Math.max(
        ...cells.map(
          (cell, i) => doc.heightOfString(cell, { width: (COLUMNS[i]?.width ?? 40) - 6 }) + 5,
        ),
      );
      if (y + needed > A4.height - MARGIN) {
        doc.addPage();
        y = row(doc, titles, MARGIN, true);
      }
      y = row(doc, cells, y, false);
    }
  }
}

export interface AnswerSheetsOptions {
  /** One `rendering` unit per candidate, labelled with the file's name. */
  readonly progress?: Progress;
  readonly label?: string;
}

/**
 * One PDF with every given candidate's answer sheet, each starting on a new page, drawn one
 * candidate at a time (the event loop gets a turn between candidates; a cancel stops it).
 */
export async function renderAnswerSheets(
  session: ResultsSession,
  keys: PaperAnswerKeys,
  results: readonly CandidateResult[],
  generatedAt: Date,
  options: AnswerSheetsOptions = {},
): Promise<Uint8Array> {
  const { progress = silentProgress, label } = options;
  const phase = progress.phase('rendering', {
    total: results.length,
    unit: 'entries',
    ...(label === undefined ? {} : { label }),
  });
  const bytes = await renderPdfInSteps(
    { title: `考生答卷 · ${session.examTitle}`, createdAt: generatedAt, author: PDF_AUTHOR },
    MARGIN,
    results,
    (doc, result, index) => {
      if (index > 0) doc.addPage();
      drawCandidate(doc, session, keys, result);
    },
    () => phase.advance(),
  );
  phase.end();
  return bytes;
}
