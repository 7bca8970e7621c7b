import { htmlText, isHtmlElement, type HtmlNode } from '@skillexam/shared';
import { containsImage, dropLeadingText, fieldLine, paragraphOf } from './docx-markup';
import { sectionHeading } from './docx-headings';

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

/** Reads the blocks after the key part heading; `firstParagraph` is the paragraph number of the first block. */
export function readKeyPart(blocks: readonly HtmlNode[], firstParagraph: number): KeyPart {
  const entries: KeyEntry[] = [];
  const stray: number[] = [];
  const problems: KeyPart['problems'] = [];
  let sectionTitle: string | undefined;
  let current: KeyEntry | undefined;
  let part: 'answer' | 'explanation' = 'answer';
  let keyLinesLabelled: boolean | undefined;
  let paragraph = firstParagraph - 1;
  for (const block of blocks) {
    if (!isHtmlElement(block)) continue;
    paragraph += 1;
    const text = htmlText(block);
    if (text.trim() === '' && !containsImage(block)) continue;
    const heading = sectionHeading(text);
    if (heading !== undefined) {
      sectionTitle = heading.title;
      current = undefined;
      continue;
    }
    const compact = compactKeys(text);
    if (compact !== undefined) {
      current = undefined;
      if ('reason' in compact) problems.push({ paragraph, reason: compact.reason });
      else {
        for (const [number, answer] of compact.keys) {
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
    const line = KEY_LINE.exec(text);
    // Where key lines carry 「参考答案：」, a numbered line without it (「2. 再验电」) belongs to
    // the reference answer above, not to question 2.
    const labelled = line?.[2] !== undefined;
    keyLinesLabelled ??= line === null ? undefined : labelled;
    if (line !== null && (current === undefined || labelled || keyLinesLabelled === false)) {
      current = {
        ...(sectionTitle === undefined ? {} : { sectionTitle }),
        number: line[1] ?? '',
        paragraph,
        answer: text.slice(line[0].length).trim(),
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
    else current.answerMore.push(block);
  }
  return { entries, stray, problems };
}
