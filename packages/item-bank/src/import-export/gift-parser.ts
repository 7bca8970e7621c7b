import { parseGiftAnswerBlock, type GiftAnswerBlock, type GiftText } from './gift-answers';
import { findUnescaped, stripFormat, unescapeGift, type GiftFormat } from './gift-text';

/*
 * GIFT syntax → question records (no item model yet). A blank line ends a question (as in
 * Moodle), so an unclosed `{` is an error at its line and never swallows the next question.
 * `//` lines are comments, `$CATEGORY:` sets the category of the following questions,
 * `::title::` names a question, `[html]`/`[moodle]`/`[plain]`/`[markdown]` markers are read
 * and removed, HTML comments are dropped. Text without an answer block is a description.
 * All text in the records is unescaped (`\~ \= \# \{ \} \: \\ \n`).
 */

export { unescapeGift, type GiftFormat } from './gift-text';
export type { GiftAnswer, GiftAnswerBlock, GiftText } from './gift-answers';

export interface GiftQuestion {
  line: number;
  title?: string;
  format: GiftFormat;
  /** Text before and after the answer block (after is empty unless a "missing word" question). */
  before: string;
  after: string;
  block: GiftAnswerBlock;
  generalFeedback?: GiftText;
  category: string | undefined;
}

export type GiftRecord =
  | { kind: 'question'; question: GiftQuestion }
  /** Text without `{…}`: a Moodle "description", not a question. */
  | { kind: 'description'; line: number; title?: string; text: string }
  | { kind: 'error'; line: number; title?: string; reason: string; unclosed?: true; stray?: true };

/** Index of the first unescaped `::` at or after `from`, or -1. */
function findTitleEnd(text: string, from: number): number {
  for (let i = from; i < text.length - 1; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === ':' && text[i + 1] === ':') return i;
  }
  return -1;
}

/** HTML comments removed, their line breaks kept so that line numbers stay right. */
function withoutHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ''));
}

/** A question's lines (comment lines left out) and the file line number of each. */
interface SourceLine {
  text: string;
  number: number;
}

function parseQuestion(lines: readonly SourceLine[], category: string | undefined): GiftRecord {
  const raw = lines.map((line) => line.text).join('\n');
  const startLine = lines[0]?.number ?? 0;
  const lineAt = (offset: number) =>
    lines[raw.slice(0, offset).match(/\n/g)?.length ?? 0]?.number ?? startLine;
  let position = raw.length - raw.trimStart().length;
  let title: string | undefined;
  if (raw.startsWith('::', position)) {
    const end = findTitleEnd(raw, position + 2);
    if (end < 0) return { kind: 'error', line: startLine, reason: '标题“::…::”没有闭合' };
    title = unescapeGift(raw.slice(position + 2, end)).trim();
    position = end + 2;
  }
  const titled = title !== undefined && title !== '' ? { title } : {};
  const { format, rest } = stripFormat(raw.slice(position));
  const textStart = raw.length - rest.length;
  const open = findUnescaped(raw, '{', textStart);
  if (open < 0) {
    const strayClose = findUnescaped(raw, '}', textStart);
    if (strayClose >= 0)
      return {
        kind: 'error',
        line: lineAt(strayClose),
        ...titled,
        reason: '多余的“}”：前面没有“{”（题中的“}”要写成“\\}”）',
        stray: true,
      };
    return { kind: 'description', line: startLine, ...titled, text: unescapeGift(rest).trim() };
  }
  const close = findUnescaped(raw, '}', open + 1);
  if (close < 0)
    return {
      kind: 'error',
      line: lineAt(open),
      ...titled,
      reason: '答案块的“{”没有闭合（GIFT 的一道题在空行处结束，请补上“}”）',
      unclosed: true,
    };
  const second = findUnescaped(raw, '{', close + 1);
  if (second >= 0)
    return {
      kind: 'error',
      line: lineAt(second),
      ...titled,
      reason: '一道题只能有一个答案块，这里又出现“{”（题中的“{”要写成“\\{”）',
    };
  const parsed = parseGiftAnswerBlock(raw.slice(open + 1, close));
  return {
    kind: 'question',
    question: {
      line: startLine,
      ...titled,
      format: format ?? 'moodle',
      before: unescapeGift(raw.slice(textStart, open)),
      after: unescapeGift(raw.slice(close + 1)),
      block: parsed.block,
      ...(parsed.generalFeedback !== undefined ? { generalFeedback: parsed.generalFeedback } : {}),
      category,
    },
  };
}

/** Every question of a GIFT file, in order, with the line each starts on. */
export function parseGift(text: string): GiftRecord[] {
  const lines = withoutHtmlComments(text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n')).split(
    '\n',
  );
  const records: GiftRecord[] = [];
  let category: string | undefined;
  let buffer: SourceLine[] = [];
  const flush = () => {
    if (buffer.length > 0) {
      const record = parseQuestion(buffer, category);
      const previous = records[records.length - 1];
      // The rest of a question cut by a blank line inside `{…}`: already reported at its `{`.
      const isTail = record.kind === 'error' && record.stray === true;
      if (!(isTail && previous?.kind === 'error' && previous.unclosed === true))
        records.push(record);
    }
    buffer = [];
  };
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//')) return;
    if (trimmed === '') {
      flush();
      return;
    }
    const categoryMatch = /^\$CATEGORY:\s*(.*)$/.exec(trimmed);
    if (categoryMatch !== null) {
      flush();
      category = categoryMatch[1]?.trim();
      return;
    }
    buffer.push({ text: line, number: index + 1 });
  });
  flush();
  return records;
}
