import {
  contentBuilders,
  FRAGMENT_HTML,
  isEmptyItemBody,
  OPTION_IDS,
  parseHtml,
  type AcceptedAnswer,
  type HtmlNode,
  type ItemBody,
} from '@skillexam/shared';
import {
  acceptedTexts,
  multipleChoiceKey,
  singleChoiceKey,
  type WeightDecision,
} from './answer-weights';
import { giftNumericAnswers } from './gift-numeric';
import type { GiftAnswerBlock, GiftFormat, GiftQuestion, GiftText } from './gift-parser';
import type { ParsedItemContent } from './item-file-types';
import { markupToItemBody } from './markup-to-item-body';

/*
 * One parsed GIFT question → item content, only where the bank holds it exactly: choices by
 * their weights (answer-weights), `=` answers and `{One}` → 填空 (the blank where the braces
 * were), `{#…}` → 填空 with numeric answers, `{T}` → 判断, `{}` → 简答 (reference answer from
 * `####`). Matching and anything with partial credit is a reason, never another key or type.
 */

export type BuiltGiftContent =
  | { ok: true; content: ParsedItemContent; warnings: string[] }
  | { ok: false; field: string; reason: string };

function markup(text: string, format: GiftFormat): HtmlNode[] {
  if (format === 'plain' || format === 'markdown') return [{ text }];
  return parseHtml(text.replace(/\n/g, '<br>'), FRAGMENT_HTML).children;
}

function toBody(nodes: readonly HtmlNode[], problems: string[]): ItemBody {
  return markupToItemBody(nodes, {
    resolveImage: () => undefined,
    onProblem: (reason) => problems.push(reason),
    inline: (element) => (element.tag === 'gift-blank' ? contentBuilders.blank('b1') : undefined),
  });
}

const isBlank = (block: GiftAnswerBlock) => block.kind === 'short' || block.kind === 'numeric';

/** The stem; a 填空 gets its blank where the braces were, or at the end. */
function stemOf(question: GiftQuestion, problems: string[]): ItemBody {
  const { block, format } = question;
  const hasAfter = question.after.trim() !== '';
  const gap: HtmlNode = isBlank(block)
    ? { tag: 'gift-blank', attrs: {}, children: [] }
    : { text: '（ ）' };
  const trailing = isBlank(block) && !hasAfter ? [gap] : [];
  const nodes = [
    ...markup(question.before, format),
    ...(hasAfter ? [gap, ...markup(question.after, format)] : []),
  ];
  const stem = toBody(nodes, problems);
  if (trailing.length === 0) return stem;
  const blocks = [...stem.content];
  const last = blocks[blocks.length - 1];
  if (last?.type === 'paragraph')
    blocks[blocks.length - 1] = contentBuilders.paragraph(
      ...last.children,
      contentBuilders.blank('b1'),
    );
  else blocks.push(contentBuilders.paragraph(contentBuilders.blank('b1')));
  return { ...stem, content: [blocks[0] ?? contentBuilders.paragraph(), ...blocks.slice(1)] };
}

function bodyOf(text: GiftText, fallback: GiftFormat, problems: string[]): ItemBody {
  return toBody(markup(text.text, text.format ?? fallback), problems);
}

function decided<T>(
  decision: WeightDecision<T>,
  build: (value: T) => ParsedItemContent,
): BuiltGiftContent {
  if (!decision.ok) return { ok: false, field: '答案', reason: decision.reason };
  return { ok: true, content: build(decision.value), warnings: decision.warnings };
}

function contentOf(question: GiftQuestion, problems: string[]): BuiltGiftContent {
  const { block, format } = question;
  const stem = stemOf(question, problems);
  const feedback =
    question.generalFeedback === undefined
      ? undefined
      : bodyOf(question.generalFeedback, format, problems);
  const explanation =
    feedback !== undefined && !isEmptyItemBody(feedback) ? { explanation: feedback } : {};
  const fill = (accepted: AcceptedAnswer[]): ParsedItemContent => ({
    type: 'fill_blank',
    stem,
    ...explanation,
    key: { b1: accepted },
  });
  switch (block.kind) {
    case 'malformed':
      return { ok: false, field: '答案块', reason: block.reason };
    case 'matching':
      return {
        ok: false,
        field: '答案块',
        reason: `配对题（${block.pairs} 组“甲 -> 乙”）：题库没有配对题型，未导入`,
      };
    case 'truefalse':
      return {
        ok: true,
        warnings: [],
        content: { type: 'true_false', stem, ...explanation, key: block.value },
      };
    case 'essay':
      if (feedback === undefined || isEmptyItemBody(feedback))
        return { ok: false, field: '答案块', reason: '问答题（{}）需要用“####”写出参考答案' };
      return {
        ok: true,
        warnings: [],
        content: { type: 'short_answer', stem, key: { referenceAnswer: feedback } },
      };
    case 'short':
      return decided(
        acceptedTexts(
          block.answers.map((answer) => ({ text: answer.text, weight: answer.weight ?? 100 })),
        ),
        fill,
      );
    case 'numeric':
      return decided(giftNumericAnswers(block.text), fill);
    case 'choice': {
      if (block.answers.length > OPTION_IDS.length)
        return {
          ok: false,
          field: '选项',
          reason: `选项有 ${block.answers.length} 个，最多 6 个（A–F）`,
        };
      const options = block.answers.map((answer, index) => ({
        id: OPTION_IDS[index] ?? 'F',
        content: bodyOf(answer, format, problems),
      }));
      const weights = block.answers.map(
        (answer) => answer.weight ?? (answer.mark === '=' ? 100 : 0),
      );
      if (block.single)
        return decided(singleChoiceKey(weights), (key) => ({
          type: 'single_choice',
          stem,
          ...explanation,
          options,
          key,
        }));
      return decided(multipleChoiceKey(weights), (key) => ({
        type: 'multiple_choice',
        stem,
        ...explanation,
        options,
        key,
      }));
    }
  }
}

/** The item content of a GIFT question, or why it cannot be imported exactly. */
export function giftQuestionContent(question: GiftQuestion): BuiltGiftContent {
  const problems: string[] = [];
  const built = contentOf(question, problems);
  const [problem] = problems;
  if (built.ok && problem !== undefined)
    return { ok: false, field: '图片', reason: `${problem}（GIFT 文件不能携带图片）` };
  return built;
}
