import { htmlText, isHtmlElement, type HtmlElement, type HtmlNode } from '@skillexam/shared';
import { containsImage, dropLeadingText, fieldLine, paragraphOf } from './docx-markup';
import { sectionHeading } from './docx-headings';
import { isKeyFor, readShortAnswerLines, type KeySectionInfo } from './docx-key-lines';

/*
 * The key part at the end of a paper (「参考答案」 and below): the same section headings as the
 * questions, then 「1、参考答案：C」 / 「4.参考答案：D」 / 「1、答案：A」 / 「1. C」, each
 * followed by 「解析：…」 or by more paragraphs of a reference answer. Entries are matched to the
 * questions by section title and number in docx-key-match.ts.
 */

export interface KeyEntry {
  /** The key part's section heading above the entry, if any. */
  readonly sectionTitle?: string;
  readonly number: string;
  /** 1-based paragraph of the document, for reports. */
  readonly paragraph: number;
  answer: string;
  /** Paragraphs of a reference answer after the key line. */
  readonly answerMore: HtmlNode[];
  readonly explanation: HtmlNode[];
}

export interface KeyPart {
  readonly entries: KeyEntry[];
  /** Compact key lines that could not be read, with their paragraph. */
  readonly problems: { readonly paragraph: number; readonly reason: string }[];
  /** Readings to check (a warning each), with their paragraph. */
  readonly notes: { readonly paragraph: number; readonly reason: string }[];
  /** Paragraphs of the key part that are neither a heading, a key line nor under one. */
  readonly stray: number[];
}

/** 「1-5 BCADB」「6～10：√×√√×」「1—3 AB C ABD」: one key per number of the range. */
const RANGE_LINE = /^\s*(\d{1,4})\s*[-—–~～至]\s*(\d{1,4})\s*[:：.．、]?\s*(\S.*)$/;
/** 「1.B 2.C 3.A」: several short keys on one line. */
const SHORT_KEY = '[A-Fa-f√×✓✗对错]{1,6}';
const SEVERAL_LINE = new RegExp(
  `^\\s*\\d{1,4}\\s*[.．、]\\s*${SHORT_KEY}(?:\\s+\\d{1,4}\\s*[.．、]\\s*${SHORT_KEY})+\\s*$`,
);
const ONE_OF_SEVERAL = new RegExp(`(\\d{1,4})\\s*[.．、]\\s*(${SHORT_KEY})`, 'g');

type Compact = { keys: [string, string][] } | { reason: string } | undefined;

/** The keys of a compact line, numbers with answers; undefined when the line is not compact. */
function compactKeys(text: string): Compact {
  if (SEVERAL_LINE.test(text)) {
    return { keys: [...text.matchAll(ONE_OF_SEVERAL)].map((m) => [m[1] ?? '', m[2] ?? '']) };
  }
  const range = RANGE_LINE.exec(text);
  if (range === null) return undefined;
  const from = Number(range[1]);
  const to = Number(range[2]);
  const rest = (range[3] ?? '').trim();
  const count = to - from + 1;
  if (count < 2 || count > 100) return { reason: `题号范围“${from}-${to}”无法识别` };
  const tokens = rest.split(/\s+/);
  const answers = tokens.length === count ? tokens : [...rest.replace(/\s+/g, '')];
  if (answers.length !== count) {
    return {
      reason: `“${text.trim()}”是第${from}–${to}题共 ${count} 题的答案，却有 ${answers.length} 个；多选题的答案请用空格分开（如“1-3 AB C ABD”）`,
    };
  }
  return { keys: answers.map((answer, i) => [String(from + i), answer]) };
}

const KEY_LINE = /^\s*(\d{1,4})\s*[.．、]\s*([【[]?(?:参考答案|正确答案|答案)[】\]]?\s*[:：]\s*)?/;

/** One paragraph of the key part, classified. */
type Line = { readonly block: HtmlElement; readonly paragraph: number; readonly text: string } & (
  | { readonly kind: 'heading'; readonly title: string }
  | { readonly kind: 'compact'; readonly compact: NonNullable<Compact> }
  | {
      readonly kind: 'key';
      readonly number: string;
      readonly labelled: boolean;
      readonly cut: number;
    }
  | { readonly kind: 'other' }
);

function classify(blocks: readonly HtmlNode[], firstParagraph: number): Line[] {
  const lines: Line[] = [];
  let paragraph = firstParagraph - 1;
  for (const block of blocks) {
    if (!isHtmlElement(block)) continue;
    paragraph += 1;
    const text = htmlText(block);
    if (text.trim() === '' && !containsImage(block)) continue;
    const at = { block, paragraph, text };
    const heading = sectionHeading(text);
    const compact = heading === undefined ? compactKeys(text) : undefined;
    const key = KEY_LINE.exec(text);
    if (heading !== undefined) lines.push({ ...at, kind: 'heading', title: heading.title });
    else if (compact !== undefined) lines.push({ ...at, kind: 'compact', compact });
    else if (key !== null) {
      const number = key[1] ?? '';
      lines.push({
        ...at,
        kind: 'key',
        number,
        labelled: key[2] !== undefined,
        cut: key[0].length,
      });
    } else lines.push({ ...at, kind: 'other' });
  }
  return lines;
}

type Plan = Pick<KeyPart, 'problems' | 'notes'> & { readonly isKey: Set<Line> };

/**
 * Which numbered lines start a key where key lines carry no 「参考答案：」 label, by the type
 * of their section (docx-key-lines.ts); undefined where they are labelled, because then a
 * numbered line without the label belongs to the reference answer above.
 */
function planUnlabelled(lines: readonly Line[], sections: SectionLookup): Plan | undefined {
  const firstKey = lines.find((line) => line.kind === 'key');
  if (firstKey === undefined || (firstKey.kind === 'key' && firstKey.labelled)) return undefined;
  const isKey = new Set<Line>();
  const problems: KeyPart['problems'] = [];
  const notes: KeyPart['notes'] = [];
  let title: string | undefined;
  let run: (Line & { kind: 'key' })[] = [];
  const endRun = () => {
    const info = sections(title);
    if (run.length === 0) return;
    if (info?.typeHint !== 'short_answer') {
      run.forEach((line, index) => {
        const value = line.text.slice(line.cut);
        if (index === 0 || isKeyFor(info?.typeHint, value)) isKey.add(line);
      });
    } else {
      const expected = info.numbers.map(Number);
      const reading = readShortAnswerLines(
        run.map((line) => Number(line.number)),
        expected,
      );
      run.forEach((line, index) => reading.keys[index] === true && isKey.add(line));
      for (const index of reading.ok ? reading.doubtful : []) {
        const line = run[index];
        if (line === undefined) continue;
        notes.push({
          paragraph: line.paragraph,
          reason: `“${line.text.trim().slice(0, 30)}”按${title ?? ''}第${line.number}题的答案读取（只有这样每题才各有一个答案），它也可能是上一题参考答案中的第${line.number}点；请核对`,
        });
      }
      const at =
        !reading.ok && reading.ambiguousAt !== undefined ? run[reading.ambiguousAt] : undefined;
      if (at !== undefined) {
        problems.push({
          paragraph: at.paragraph,
          reason: `“${at.text.trim().slice(0, 30)}”既可能是${title ?? ''}第${at.number}题的答案，也可能是上一题参考答案中的第${at.number}点，无法确定；请在各题答案前写“参考答案：”（如“${at.number}. 参考答案：…”）`,
        });
      }
    }
    run = [];
  };
  for (const line of lines) {
    if (line.kind === 'heading' || line.kind === 'compact') endRun();
    if (line.kind === 'heading') title = line.title;
    if (line.kind === 'key') run.push(line);
  }
  endRun();
  return { isKey, problems, notes };
}

/** The section of the questions a key part section (by its title) belongs to. */
export type SectionLookup = (title: string | undefined) => KeySectionInfo | undefined;

/** Reads the blocks after the key part heading; `firstParagraph` is the paragraph number of the first block. */
export function readKeyPart(
  blocks: readonly HtmlNode[],
  firstParagraph: number,
  sections: SectionLookup = () => undefined,
): KeyPart {
  const entries: KeyEntry[] = [];
  const stray: number[] = [];
  const lines = classify(blocks, firstParagraph);
  const plan = planUnlabelled(lines, sections);
  const problems: KeyPart['problems'] = [...(plan?.problems ?? [])];
  let sectionTitle: string | undefined;
  let current: KeyEntry | undefined;
  let part: 'answer' | 'explanation' = 'answer';
  for (const line of lines) {
    const { block, paragraph, text } = line;
    if (line.kind === 'heading') {
      sectionTitle = line.title;
      current = undefined;
      continue;
    }
    if (line.kind === 'compact') {
      current = undefined;
      if ('reason' in line.compact) problems.push({ paragraph, reason: line.compact.reason });
      else {
        for (const [number, answer] of line.compact.keys) {
          entries.push({
            ...(sectionTitle === undefined ? {} : { sectionTitle }),
            number,
            paragraph,
            answer,
            answerMore: [],
            explanation: [],
          });
        }
      }
      continue;
    }
    // Labelled key lines: a numbered line without 「参考答案：」 (「2. 再验电」) belongs to the
    // reference answer above. Unlabelled: as planned by section type.
    const startsKey =
      line.kind === 'key' &&
      (current === undefined || line.labelled || plan?.isKey.has(line) === true);
    if (line.kind === 'key' && startsKey) {
      current = {
        ...(sectionTitle === undefined ? {} : { sectionTitle }),
        number: line.number,
        paragraph,
        answer: text.slice(line.cut).trim(),
        answerMore: [],
        explanation: [],
      };
      entries.push(current);
      part = 'answer';
      continue;
    }
    if (current === undefined) {
      stray.push(paragraph);
      continue;
    }
    const field = fieldLine(text);
    if (field?.name === '解析') {
      part = 'explanation';
      const rest = dropLeadingText(block.children, field.length);
      if (htmlText(paragraphOf(rest)).trim() !== '' || rest.some(isHtmlElement)) {
        current.explanation.push(paragraphOf(rest));
      }
      continue;
    }
    if (part === 'explanation') current.explanation.push(block);
    else if (
      line.kind === 'key' &&
      sections(sectionTitle)?.typeHint !== 'short_answer' &&
      plan !== undefined
    ) {
      problems.push({
        paragraph,
        reason: `“${text.trim().slice(0, 30)}”不是${sectionTitle ?? '这一大题'}的答案（${KEY_HINT[sections(sectionTitle)?.typeHint ?? ''] ?? ''}），也不在“解析：”之后，无法确定属于哪一题`,
      });
    } else current.answerMore.push(block);
  }
  return { entries, stray, problems, notes: plan?.notes ?? [] };
}

const KEY_HINT: Record<string, string> = {
  single_choice: '应为选项字母',
  multiple_choice: '应为选项字母',
  true_false: '应为 √/×、对/错、正确/错误 或选项字母',
};
