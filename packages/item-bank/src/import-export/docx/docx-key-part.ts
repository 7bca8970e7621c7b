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
  /** Paragraphs of the key part that are neither a heading, a key line nor under one. */
  readonly stray: number[];
}

const KEY_LINE =
  /^\s*(\d{1,4})\s*[.．、]\s*(?:[【[]?(?:参考答案|正确答案|答案)[】\]]?\s*[:：]\s*)?/;

/** Reads the blocks after the key part heading; `firstParagraph` is the paragraph number of the first block. */
export function readKeyPart(blocks: readonly HtmlNode[], firstParagraph: number): KeyPart {
  const entries: KeyEntry[] = [];
  const stray: number[] = [];
  let sectionTitle: string | undefined;
  let current: KeyEntry | undefined;
  let part: 'answer' | 'explanation' = 'answer';
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
    const line = KEY_LINE.exec(text);
    if (line !== null) {
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
  return { entries, stray };
}
