import { OPTION_IDS, contentBuilders, isEmptyItemBody, type ItemBody } from '@skillexam/shared';
import { categoryTags } from './category-tags';
import { parseGift, unescapeGift, type GiftQuestion } from './gift-parser';
import type { FileIssue, ParsedItem, ParsedItemContent, ParsedItemFile } from './item-file-types';
import { markupToItemBody } from './markup-to-item-body';
import { parseHtmlFragment, type MarkupNode } from './markup-tree';
import { decodeText } from './text-encoding';
import { validateParsedContent } from './validate-parsed-item';

/*
 * GIFT import: multiple choice (one `=` → 单选; several correct or positive `%weights%` → 多选),
 * true/false, short answer (only `=` answers → 填空, the blank where the braces were), essay
 * (`{}` → 简答, reference answer from the `####` general feedback). `$CATEGORY:` → tags.
 */

type Built =
  | { ok: true; content: ParsedItemContent; warnings: string[] }
  | { ok: false; field: string; reason: string };

function toBody(nodes: readonly MarkupNode[], problems: string[]): ItemBody {
  return markupToItemBody(nodes, {
    resolveImage: () => undefined,
    onProblem: (reason) => problems.push(reason),
    inline: (element) => (element.tag === 'gift-blank' ? contentBuilders.blank('b1') : undefined),
  });
}

function markup(text: string, format: string): MarkupNode[] {
  const unescaped = unescapeGift(text);
  if (format === 'plain' || format === 'markdown') return [{ text: unescaped }];
  return parseHtmlFragment(unescaped.replace(/\n/g, '<br>')).children;
}

function buildContent(question: GiftQuestion, problems: string[]): Built {
  const { block, format } = question;
  const hasAfter = question.after.trim() !== '';
  const gap: MarkupNode =
    block.kind === 'answers' &&
    block.answers.every((answer) => answer.correct && answer.weight === undefined)
      ? { tag: 'gift-blank', attrs: {}, children: [] }
      : { text: '（ ）' };
  const stemNodes = [
    ...markup(question.before, format),
    ...(hasAfter ? [gap, ...markup(question.after, format)] : []),
  ];
  let stem = toBody(stemNodes, problems);
  const feedback =
    question.generalFeedback === undefined
      ? undefined
      : toBody(markup(question.generalFeedback, format), problems);
  const warnings: string[] = [];
  switch (block.kind) {
    case 'unsupported':
      return { ok: false, field: '答案块', reason: block.reason };
    case 'truefalse':
      return {
        ok: true,
        warnings,
        content: {
          type: 'true_false',
          stem,
          ...(feedback !== undefined ? { explanation: feedback } : {}),
          key: block.value,
        },
      };
    case 'essay':
      if (feedback === undefined || isEmptyItemBody(feedback)) {
        return { ok: false, field: '答案块', reason: '问答题（{}）需要用“####”写出参考答案' };
      }
      return {
        ok: true,
        warnings,
        content: { type: 'short_answer', stem, key: { referenceAnswer: feedback } },
      };
    case 'answers': {
      const explanation = feedback !== undefined ? { explanation: feedback } : {};
      const isShortAnswer = block.answers.every(
        (answer) => answer.correct && answer.weight === undefined,
      );
      if (isShortAnswer) {
        if (!hasAfter) {
          const blocks = [...stem.content];
          const last = blocks[blocks.length - 1];
          if (last?.type === 'paragraph')
            blocks[blocks.length - 1] = contentBuilders.paragraph(
              ...last.children,
              contentBuilders.blank('b1'),
            );
          else blocks.push(contentBuilders.paragraph(contentBuilders.blank('b1')));
          stem = {
            ...stem,
            content: [blocks[0] ?? contentBuilders.paragraph(), ...blocks.slice(1)],
          };
        }
        return {
          ok: true,
          warnings,
          content: {
            type: 'fill_blank',
            stem,
            ...explanation,
            key: { b1: block.answers.map((answer) => answer.text) },
          },
        };
      }
      if (block.answers.length > OPTION_IDS.length)
        return {
          ok: false,
          field: '选项',
          reason: `选项有 ${block.answers.length} 个，最多 6 个（A–F）`,
        };
      const options = block.answers.map((answer, index) => ({
        id: OPTION_IDS[index] ?? 'F',
        content: toBody(markup(answer.text, format), problems),
      }));
      const keys = block.answers.flatMap((answer, index) =>
        answer.correct ? [OPTION_IDS[index] ?? 'F'] : [],
      );
      if (
        block.answers.some(
          (answer) => answer.weight !== undefined && answer.weight > 0 && answer.weight < 100,
        ) &&
        keys.length === 1
      ) {
        warnings.push('部分得分的选项按正确选项导入');
      }
      const [first] = keys;
      if (first === undefined)
        return { ok: false, field: '答案', reason: '没有正确选项（用“=”或正的 %权重% 标出）' };
      if (keys.length === 1)
        return {
          ok: true,
          warnings,
          content: { type: 'single_choice', stem, ...explanation, options, key: first },
        };
      return {
        ok: true,
        warnings,
        content: { type: 'multiple_choice', stem, ...explanation, options, key: keys },
      };
    }
  }
}

export function readGiftItems(bytes: Uint8Array, fileName: string): Promise<ParsedItemFile> {
  const items: ParsedItem[] = [];
  const issues: FileIssue[] = [];
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return Promise.resolve({
      format: 'gift',
      items,
      assets: new Map(),
      issues: [{ file: fileName, field: '编码', reason: decoded.reason, severity: 'error' }],
    });
  }
  for (const record of parseGift(decoded.text)) {
    const where = { file: fileName, line: record.ok ? record.question.line : record.line };
    const title = record.ok ? record.question.title : record.title;
    const located = { ...where, ...(title !== undefined ? { item: title } : {}) };
    if (!record.ok) {
      issues.push({ ...located, field: 'GIFT', reason: record.reason, severity: 'error' });
      continue;
    }
    const problems: string[] = [];
    const built = buildContent(record.question, problems);
    const [problem] = problems;
    if (!built.ok || problem !== undefined) {
      issues.push({
        ...located,
        field: built.ok ? '图片' : built.field,
        reason: built.ok ? `${problem ?? ''}（GIFT 文件不能携带图片）` : built.reason,
        severity: 'error',
      });
      continue;
    }
    const invalid = validateParsedContent(built.content, located);
    if (invalid.length > 0) {
      issues.push(...invalid);
      continue;
    }
    for (const warning of built.warnings)
      issues.push({ ...located, reason: warning, severity: 'warning' });
    items.push({
      ref: `${fileName} 第${where.line}行${title !== undefined && title !== '' ? `（${title}）` : ''}`,
      row: where.line,
      content: built.content,
      tags: record.question.category === undefined ? [] : categoryTags(record.question.category),
    });
  }
  if (items.length === 0 && issues.length === 0)
    issues.push({ file: fileName, reason: '文件中没有试题', severity: 'error' });
  return Promise.resolve({ format: 'gift', items, assets: new Map(), issues });
}
