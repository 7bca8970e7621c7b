import {
  htmlText,
  isEmptyItemBody,
  type HtmlNode,
  type ItemBody,
  type OptionId,
} from '@skillexam/shared';
import { parseDifficulty, parseLevel } from '../cell-values';
import type { FileIssue, ParsedItem } from '../item-file-types';
import { markupToItemBody } from '../markup-to-item-body';
import { isTrueFalseOptionPair } from '../option-cell';
import { segmentRef } from './docx-key-match';
import { paragraphOf } from './docx-markup';
import type { DocxSegment } from './docx-segments';

/*
 * One segment of a Word paper → one item. The type comes from the section heading, else from
 * the options and key; 判断 written as `A. 正确 B. 错误` becomes a 判断 item keyed through the
 * option text; a question without options in a 简答/综合 section becomes 简答 with its
 * sub-questions in the stem and the reference answer (sub-answers one paragraph each) together.
 */

export const ASSET_SRC = 'asset:';
const UNSUPPORTED_SRC = 'unsupported-picture:';

/**
 * The `src` the reader gives a picture it cannot keep: its name (alt text), format and file
 * in the .docx (「image2.emf」), for the report.
 */
export function unsupportedPictureSrc(name: string, contentType: string, file = ''): string {
  return `${UNSUPPORTED_SRC}${[contentType, name, file].map(encodeURIComponent).join(':')}`;
}

function unsupportedPicture(src: string): string | undefined {
  if (!src.startsWith(UNSUPPORTED_SRC)) return undefined;
  const [type = '', name = '', file = ''] = src
    .slice(UNSUPPORTED_SRC.length)
    .split(':')
    .map(decodeURIComponent);
  const format = type.replace(/^image\/(x-)?/, '').toUpperCase();
  const where = file === '' || file === name ? '' : `（文件 ${file}）`;
  return `图片“${name}”是 ${format} 格式${where}，考试端无法显示，未导入；请在 Word 中把它另存为 PNG 或 JPEG 后重新插入`;
}
const TRUE_WORDS = new Set(['√', '✓', '对', '正确', 'T', 'TRUE', 'Y', '是']);
const FALSE_WORDS = new Set(['×', '✗', 'X', '错', '错误', 'F', 'FALSE', 'N', '否']);
const BLANK_MARK = /_{3,}|＿{2,}|[（(][\s\u3000]*[）)]/;
/** Where a sub-answer starts inside one line: 「（1）…（2）…」. */
const SUB_ANSWER = /(?=[（(]\d{1,2}[）)])/;

function trueFalseKey(answer: string): boolean | undefined {
  const word = answer
    .trim()
    .replace(/[。.]$/, '')
    .toUpperCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** A labelled value read when it was written (「难度：」 left empty counts as absent). */
function filled<T>(value: string | undefined, parse: (raw: string) => T): T | undefined {
  return value === undefined || value.trim() === '' ? undefined : parse(value);
}

export interface BuildOptions {
  readonly fileName: string;
  /** The paper has a key part at the end (changes what a missing key is called). */
  readonly hasKeyPart: boolean;
}

export interface Built {
  readonly item?: ParsedItem;
  readonly issues: FileIssue[];
}

export function buildItem(segment: DocxSegment, options: BuildOptions): Built {
  const { fileName } = options;
  const ref = segmentRef(fileName, segment);
  const issues: FileIssue[] = [];
  const at = `（第${segment.paragraph}段）`;
  const issue = (field: string, reason: string, severity: FileIssue['severity'] = 'error') =>
    issues.push({ file: fileName, item: ref, field, reason: `${reason}${at}`, severity });
  const body = (nodes: HtmlNode[], field: string, blanks?: () => string): ItemBody =>
    markupToItemBody(nodes, {
      resolveImage: (src) => {
        const unsupported = unsupportedPicture(src);
        if (unsupported !== undefined) {
          issue(field, unsupported);
          return 'skip';
        }
        return src.startsWith(ASSET_SRC) ? src.slice(ASSET_SRC.length) : undefined;
      },
      ...(blanks === undefined ? {} : { nextBlankId: blanks }),
      onProblem: (reason) => issue(field, reason, 'warning'),
    });
  const answer = (segment.answer ?? '').trim();
  if (answer === '' && segment.answerMore.length === 0) {
    issue(
      '答案',
      options.hasKeyPart
        ? '缺少答案：题后没有“答案：”行，文末参考答案中也没有这一题'
        : '缺少“答案：”行（或文末的“参考答案”部分）',
    );
  }
  if (segment.optionProblem !== undefined) issue('选项', segment.optionProblem);
  const explanationBody = body(segment.explanation, '解析');
  const difficulty = filled(segment.difficulty, parseDifficulty);
  if (difficulty?.ok === false) issue('难度', difficulty.reason);
  const level = filled(segment.level, parseLevel);
  if (level?.ok === false) issue('等级', level.reason);
  const common = {
    ...(isEmptyItemBody(explanationBody) ? {} : { explanation: explanationBody }),
    ...(difficulty?.ok === true ? { difficulty: difficulty.value } : {}),
    ...(level?.ok === true ? { level: level.value } : {}),
  };
  const base = {
    ref,
    tags: [],
    ...(segment.pointCode === undefined || segment.pointCode === ''
      ? {}
      : { pointCode: segment.pointCode }),
  };
  const done = (content: ParsedItem['content']): Built => ({
    issues,
    item: { ...base, content: { ...content, ...common } as ParsedItem['content'] },
  });
  const hint = segment.typeHint;
  const optionTexts = segment.options.map((option) => ({
    id: option.letter as OptionId,
    text: htmlText(paragraphOf(option.nodes)).trim(),
  }));
  if (
    segment.options.length > 0 &&
    (hint === 'true_false' || hint === undefined) &&
    isTrueFalseOptionPair(optionTexts)
  ) {
    // 判断 as choices: the key letter (or word) → the option text → true or false.
    const chosen = optionTexts.find((option) => option.id === answer.toUpperCase());
    const key = trueFalseKey(chosen?.text ?? answer);
    if (key === undefined && answer !== '') {
      issue(
        '答案',
        `判断题答案“${answer}”不是本题的选项（${optionTexts.map((o) => `${o.id}. ${o.text}`).join(' ')}）`,
      );
    }
    return done({ type: 'true_false', stem: body(segment.stem, '题干'), key: key ?? true });
  }
  if (segment.options.length > 0) {
    const letters = [...new Set(answer.toUpperCase().match(/[A-F]/g) ?? [])] as OptionId[];
    const ids = new Set(optionTexts.map((option) => option.id));
    const choiceOptions = segment.options.map((option) => ({
      id: option.letter as OptionId,
      content: body(option.nodes, `选项${option.letter}`),
    }));
    const stem = body(segment.stem, '题干');
    if (letters.length === 0 && answer !== '') issue('答案', `答案“${answer}”不是选项字母 A–F`);
    const missing = letters.filter((letter) => !ids.has(letter));
    if (missing.length > 0) {
      issue(
        '答案',
        `答案“${answer}”中的 ${missing.join('、')} 不是本题的选项（本题选项 ${[...ids].join('、')}）`,
      );
    }
    if (hint === 'true_false') {
      issue('题型', '判断题下的这道题有选项，但选项不是“正确/错误”（或对/错、√/×）');
    }
    if (hint !== undefined && isTrueFalseOptionPair(optionTexts)) {
      issue(
        '题型',
        `${segment.section?.title ?? ''}下的这道题只有“正确/错误”两个选项，按选择题导入；若是判断题，请移到判断题大题下`,
        'warning',
      );
    }
    if (hint === 'single_choice' && letters.length > 1) {
      issue('答案', `单项选择题的答案“${answer}”有 ${letters.length} 个字母`);
    }
    if (hint === 'multiple_choice' || letters.length > 1) {
      return done({ type: 'multiple_choice', stem, options: choiceOptions, key: letters });
    }
    return done({ type: 'single_choice', stem, options: choiceOptions, key: letters[0] ?? 'A' });
  }
  const tf = trueFalseKey(answer);
  if (hint === 'true_false' || (hint === undefined && tf !== undefined)) {
    if (tf === undefined && answer !== '') issue('答案', `判断题答案“${answer}”应为 √/× 或 对/错`);
    return done({ type: 'true_false', stem: body(segment.stem, '题干'), key: tf ?? true });
  }
  if (
    hint === 'fill_blank' ||
    (hint === undefined && BLANK_MARK.test(JSON.stringify(segment.stem)))
  ) {
    let next = 0;
    const stem = body(segment.stem, '题干', () => `b${(next += 1)}`);
    const parts = answer.split(/[;；]/).map((part) => part.trim());
    const key: Record<string, string[]> = {};
    for (let blank = 1; blank <= next; blank += 1) {
      key[`b${blank}`] = (parts[blank - 1] ?? '')
        .split(/[|/]/)
        .map((text) => text.trim())
        .filter((text) => text !== '');
    }
    return done({ type: 'fill_blank', stem, key });
  }
  const subAnswers = answer
    .split(SUB_ANSWER)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => paragraphOf([{ text: part }]));
  const reference = body([...subAnswers, ...segment.answerMore], '答案');
  return done({
    type: 'short_answer',
    stem: body(segment.stem, '题干'),
    key: { referenceAnswer: reference },
  });
}
