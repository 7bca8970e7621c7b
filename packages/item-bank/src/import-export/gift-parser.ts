/*
 * GIFT syntax → question records (no item model yet): comments, `$CATEGORY:`, `::title::`,
 * `[format]`, the answer block `{…}` with `=`/`~`/`%weight%`/`#feedback`/`####general feedback`,
 * and the escapes `\~ \= \# \{ \} \: \\ \n`.
 */

export interface GiftAnswer {
  correct: boolean;
  weight?: number;
  text: string;
}

export type GiftAnswerBlock =
  | { kind: 'truefalse'; value: boolean }
  | { kind: 'answers'; answers: GiftAnswer[] }
  | { kind: 'essay' }
  | { kind: 'unsupported'; reason: string };

export interface GiftQuestion {
  line: number;
  title?: string;
  format: string;
  /** Text before and after the answer block (after is empty unless a "missing word" question). */
  before: string;
  after: string;
  block: GiftAnswerBlock;
  generalFeedback?: string;
  category: string | undefined;
}

export type GiftRecord =
  | { ok: true; question: GiftQuestion }
  | { ok: false; line: number; title?: string; reason: string };

/** Index of the first unescaped `char` at or after `from`, or -1. */
function findUnescaped(text: string, char: string, from = 0): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === char) return i;
  }
  return -1;
}

/** Splits on unescaped separators; the separator stays at the start of each part. */
function splitAnswers(text: string): string[] {
  const parts: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\\') {
      i += 1;
      continue;
    }
    if (text[i] === '=' || text[i] === '~') {
      if (start >= 0) parts.push(text.slice(start, i));
      start = i;
    }
  }
  if (start >= 0) parts.push(text.slice(start));
  return parts;
}

export function unescapeGift(text: string): string {
  return text.replace(/\\(.)/gs, (_, char: string) => (char === 'n' ? '\n' : char));
}

function parseAnswerBlock(raw: string): { block: GiftAnswerBlock; generalFeedback?: string } {
  let body = raw;
  let generalFeedback: string | undefined;
  const general = body.indexOf('####');
  if (general >= 0) {
    generalFeedback = unescapeGift(body.slice(general + 4)).trim();
    body = body.slice(0, general);
  }
  const trimmed = body.trim();
  const withFeedback = (block: GiftAnswerBlock) => ({
    block,
    ...(generalFeedback !== undefined ? { generalFeedback } : {}),
  });
  if (trimmed === '') return withFeedback({ kind: 'essay' });
  const tf = /^(T|TRUE|F|FALSE)\s*(#.*)?$/is.exec(trimmed);
  if (tf !== null)
    return withFeedback({ kind: 'truefalse', value: (tf[1] ?? '').toUpperCase().startsWith('T') });
  if (trimmed.startsWith('#'))
    return withFeedback({ kind: 'unsupported', reason: '数值题（{#…}）不受支持' });
  const parts = splitAnswers(trimmed);
  if (parts.length === 0)
    return withFeedback({
      kind: 'unsupported',
      reason: `无法识别的答案块“{${trimmed.slice(0, 30)}}”`,
    });
  const answers: GiftAnswer[] = [];
  for (const part of parts) {
    let text = part.slice(1);
    const feedback = findUnescaped(text, '#');
    if (feedback >= 0) text = text.slice(0, feedback);
    if (findUnescaped(text, '-') >= 0 && /(?<!\\)->/.test(text)) {
      return withFeedback({ kind: 'unsupported', reason: '配对题（->）不受支持' });
    }
    let weight: number | undefined;
    const weighted = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(text);
    if (weighted !== null) {
      weight = Number(weighted[1]);
      text = text.slice(weighted[0].length);
    }
    answers.push({
      correct: part.startsWith('=') || (weight ?? 0) > 0,
      ...(weight !== undefined ? { weight } : {}),
      text: unescapeGift(text).trim(),
    });
  }
  return withFeedback({ kind: 'answers', answers });
}

function parseQuestion(text: string, line: number, category: string | undefined): GiftRecord {
  let rest = text.trim();
  let title: string | undefined;
  if (rest.startsWith('::')) {
    const end = rest.indexOf('::', 2);
    if (end < 0) return { ok: false, line, reason: '标题“::…::”没有闭合' };
    title = unescapeGift(rest.slice(2, end)).trim();
    rest = rest.slice(end + 2).trim();
  }
  let format = 'moodle';
  const formatMatch = /^\[(html|moodle|plain|markdown)\]/i.exec(rest);
  if (formatMatch !== null) {
    format = (formatMatch[1] ?? 'moodle').toLowerCase();
    rest = rest.slice(formatMatch[0].length);
  }
  const open = findUnescaped(rest, '{');
  const titled = title !== undefined ? { title } : {};
  if (open < 0) return { ok: false, line, ...titled, reason: '缺少答案块“{…}”' };
  const close = findUnescaped(rest, '}', open + 1);
  if (close < 0) return { ok: false, line, ...titled, reason: '答案块“{”没有闭合' };
  const { block, generalFeedback } = parseAnswerBlock(rest.slice(open + 1, close));
  return {
    ok: true,
    question: {
      line,
      ...titled,
      format,
      before: rest.slice(0, open),
      after: rest.slice(close + 1),
      block,
      ...(generalFeedback !== undefined ? { generalFeedback } : {}),
      category,
    },
  };
}

/** Every question of a GIFT file, in order, with the line each starts on. */
export function parseGift(text: string): GiftRecord[] {
  const lines = text
    .replace(/^\ufeff/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const records: GiftRecord[] = [];
  let category: string | undefined;
  let buffer: string[] = [];
  let startLine = 0;
  const flush = () => {
    const joined = buffer.join('\n').trim();
    if (joined !== '') records.push(parseQuestion(joined, startLine, category));
    buffer = [];
  };
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//')) return;
    if (trimmed === '') {
      if (
        buffer.length > 0 &&
        findUnescaped(buffer.join('\n'), '{') >= 0 === findUnescaped(buffer.join('\n'), '}') >= 0
      )
        flush();
      return;
    }
    const categoryMatch = /^\$CATEGORY:\s*(.*)$/.exec(trimmed);
    if (categoryMatch !== null) {
      flush();
      category = categoryMatch[1]?.trim();
      return;
    }
    if (buffer.length === 0) startLine = index + 1;
    buffer.push(line);
  });
  flush();
  return records;
}
