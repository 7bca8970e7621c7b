import {
  ANSWER_KEY_STYLES,
  formatAnswerKey,
  sectionScoringPolicy,
  toPlainText,
  type ItemContent,
  type Paper,
} from '@skillexam/shared';
import { A4, renderPdfWithFont, type PdfDoc } from '../pdf-document/pdf-document';
import { drawItemBody, type BodyStyle } from './draw-item-body';
import { paperNotices, sectionHeading } from './section-instructions';

/*
 * The printable paper (试卷) and its answer key (答案) for the archive. The paper has the
 * standard header: title, 注意事项, the 准考证号 / 姓名 / 单位 lines and a score table; every
 * 大题 has its standard heading; items are numbered through the whole paper.
 */

export interface PaperPdfInput {
  readonly paper: Paper;
  /** Content of the pinned versions, by item id. */
  readonly contents: ReadonlyMap<string, ItemContent>;
  readonly asset?: (hash: string) => Uint8Array | undefined;
  readonly fontBytes: Uint8Array;
  readonly createdAt: Date;
  /** Answer key only: print each item's 解析 too. */
  readonly withExplanations?: boolean;
}

const MARGIN = 56;
const WIDTH = A4.width - 2 * MARGIN;
const CHINESE_DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function contentOf(input: PaperPdfInput, itemId: string): ItemContent {
  const content = input.contents.get(itemId);
  if (content === undefined)
    throw new TypeError(`No content for item ${itemId} of paper ${input.paper.id}`);
  return content;
}

function pageMarks(doc: PdfDoc, paperId: string) {
  let page = 1;
  const mark = () => {
    const { x, y } = doc;
    doc.fontSize(7).fillColor('#666666').text(`${paperId} · 第 ${page} 页`, MARGIN, 28, {
      width: WIDTH,
      align: 'right',
      lineBreak: false,
    });
    doc.fillColor('#000000');
    doc.x = x;
    doc.y = y;
    page += 1;
  };
  mark();
  doc.on('pageAdded', mark);
}

function drawHeader(doc: PdfDoc, paper: Paper) {
  doc.fontSize(16).text(paper.title, MARGIN, MARGIN, { width: WIDTH, align: 'center' });
  doc.moveDown(0.6);
  doc.fontSize(11).text('注 意 事 项', { width: WIDTH, align: 'center' });
  doc.fontSize(9.5);
  paperNotices(paper.durationMinutes).forEach((line, index) => {
    doc.text(`${index + 1}. ${line}`, MARGIN + 12, doc.y, { width: WIDTH - 12 });
  });
  doc.moveDown(0.6);
  doc.fontSize(11);
  const lineY = doc.y;
  const fields = [
    ['准考证号', 150],
    ['姓名', 90],
    ['单位', 120],
  ] as const;
  let x = MARGIN;
  for (const [label, width] of fields) {
    doc.text(label, x, lineY, { lineBreak: false });
    const start = x + doc.widthOfString(label) + 4;
    doc
      .lineWidth(0.6)
      .moveTo(start, lineY + 13)
      .lineTo(start + width, lineY + 13)
      .stroke();
    x = start + width + 14;
  }
  doc.y = lineY + 26;
  // Score table: one column per 大题 plus 总分 and 统分人.
  const heads = [
    ...paper.sections.map((_, i) => CHINESE_DIGITS[i] ?? String(i + 1)),
    '总分',
    '统分人',
  ];
  const cell = Math.min(70, (WIDTH - 50) / heads.length);
  const tableLeft = MARGIN + (WIDTH - 50 - cell * heads.length) / 2;
  const top = doc.y;
  doc.fontSize(10);
  ['', '得分'].forEach((label, row) => {
    doc
      .lineWidth(0.5)
      .rect(tableLeft, top + row * 20, 50, 20)
      .stroke();
    doc.text(label, tableLeft, top + row * 20 + 5, {
      width: 50,
      align: 'center',
      lineBreak: false,
    });
    heads.forEach((head, col) => {
      const left = tableLeft + 50 + col * cell;
      doc.rect(left, top + row * 20, cell, 20).stroke();
      if (row === 0)
        doc.text(head, left, top + 5, { width: cell, align: 'center', lineBreak: false });
    });
  });
  doc.x = MARGIN;
  doc.y = top + 52;
}

function optionLines(content: ItemContent): string[] {
  if (content.type !== 'single_choice' && content.type !== 'multiple_choice') return [];
  return content.options.map(
    (option) => `${option.id}. ${toPlainText(option.content).replace(/\n/g, ' ')}`,
  );
}

/** An empty answer bracket in a stem: full- or half-width brackets around blanks. */
const ANSWER_BRACKET = /[（(][\s\u3000]*[）)]/;

function drawQuestion(doc: PdfDoc, input: PaperPdfInput, content: ItemContent, number: number) {
  const style: BodyStyle = {
    x: MARGIN,
    width: WIDTH,
    fontSize: 10.5,
    ...(input.asset === undefined ? {} : { asset: input.asset }),
  };
  if (doc.y > A4.height - MARGIN - 60) doc.addPage();
  const answerBox =
    content.type === 'true_false' ||
    content.type === 'single_choice' ||
    content.type === 'multiple_choice';
  // Stems written the usual way already hold the answer bracket; add one only if not.
  const hasBracket = ANSWER_BRACKET.test(toPlainText(content.stem));
  drawItemBody(doc, content.stem, style, `${number}. `, answerBox && !hasBracket ? '（　　）' : '');
  const options = optionLines(content);
  const short = options.every((line) => doc.widthOfString(line) < WIDTH / 2 - 20);
  if (short && options.length > 0) {
    for (let i = 0; i < options.length; i += 2) {
      const y = doc.y;
      doc.text(options[i] ?? '', MARGIN + 18, y, { width: WIDTH / 2 - 20, lineBreak: false });
      if (options[i + 1] !== undefined) {
        doc.text(options[i + 1] ?? '', MARGIN + WIDTH / 2, y, {
          width: WIDTH / 2 - 20,
          lineBreak: false,
        });
      }
      doc.x = MARGIN;
      doc.y = y + doc.currentLineHeight(true);
    }
  } else {
    for (const line of options) doc.text(line, MARGIN + 18, doc.y, { width: WIDTH - 18 });
  }
  if (content.type === 'short_answer') doc.moveDown(4);
  doc.x = MARGIN;
  doc.moveDown(0.35);
}

function drawSections(
  doc: PdfDoc,
  input: PaperPdfInput,
  drawItem: (content: ItemContent, number: number) => void,
  beforeSection: () => void = () => undefined,
  keyHeadings = false,
) {
  let number = 0;
  for (const section of input.paper.sections) {
    beforeSection();
    const first = number + 1;
    const last = number + section.items.length;
    if (doc.y > A4.height - MARGIN - 80) doc.addPage();
    doc.moveDown(0.4);
    const heading = keyHeadings
      ? `${section.title}（第${first}题～第${last}题）`
      : sectionHeading({
          title: section.title,
          itemType: section.itemType,
          first,
          last,
          pointsEach: section.pointsEach,
          ...(section.itemType === 'multiple_choice'
            ? { scoringPolicy: sectionScoringPolicy(section) }
            : {}),
        });
    doc.fontSize(11.5).text(heading, MARGIN, doc.y, { width: WIDTH });
    doc.moveDown(0.4);
    for (const ref of section.items) {
      number += 1;
      drawItem(contentOf(input, ref.itemId), number);
    }
  }
}

export function renderPaperPdf(input: PaperPdfInput): Promise<Uint8Array> {
  return renderPdfWithFont(
    input.fontBytes,
    { title: input.paper.title, createdAt: input.createdAt },
    MARGIN,
    (doc) => {
      pageMarks(doc, input.paper.id);
      drawHeader(doc, input.paper);
      drawSections(doc, input, (content, number) => drawQuestion(doc, input, content, number));
    },
  );
}

export function renderAnswerKeyPdf(input: PaperPdfInput): Promise<Uint8Array> {
  const title = `${input.paper.title} 标准答案`;
  return renderPdfWithFont(
    input.fontBytes,
    { title, createdAt: input.createdAt },
    MARGIN,
    (doc) => {
      pageMarks(doc, input.paper.id);
      doc.fontSize(16).text(title, MARGIN, MARGIN, { width: WIDTH, align: 'center' });
      doc
        .fontSize(9)
        .text(`试卷编号 ${input.paper.id}（存档用，严禁外传）`, { width: WIDTH, align: 'center' });
      doc.moveDown(0.6);
      const compact: string[] = [];
      const flush = () => {
        doc.fontSize(10.5);
        for (let i = 0; i < compact.length; i += 5) {
          const y = doc.y;
          compact.slice(i, i + 5).forEach((entry, col) => {
            doc.text(entry, MARGIN + col * (WIDTH / 5), y, {
              width: WIDTH / 5 - 6,
              lineBreak: false,
            });
          });
          doc.x = MARGIN;
          doc.y = y + doc.currentLineHeight(true) + 2;
        }
        compact.length = 0;
      };
      drawSections(
        doc,
        input,
        (content, number) => {
          const text = formatAnswerKey(content, ANSWER_KEY_STYLES.printedKey);
          const long = content.type === 'fill_blank' || content.type === 'short_answer';
          if (!long && input.withExplanations !== true) {
            compact.push(`${number}. ${text}`);
            if (compact.length >= 5 * 20) flush();
            return;
          }
          flush();
          doc.fontSize(10.5).text(`${number}. ${text}`, MARGIN, doc.y, { width: WIDTH });
          if (input.withExplanations === true && content.explanation !== undefined) {
            drawItemBody(
              doc,
              content.explanation,
              { x: MARGIN + 18, width: WIDTH - 18, fontSize: 9.5 },
              '解析：',
            );
          }
          doc.moveDown(0.2);
        },
        flush,
        true,
      );
      flush();
    },
  );
}
