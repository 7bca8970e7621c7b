import { OPTION_IDS, type ItemBody, type OptionId } from '@skillexam/shared';
import { parseTrueFalseKey } from './cell-values';
import type { ParsedItemContent } from './item-file-types';
import { elementsOf, textContent, type MarkupElement, type MarkupNode } from './markup-tree';
import { checkChoiceWeights } from './qti-choice-weights';
import { responseRules } from './qti-response-rules';

/*
 * A QTI choice interaction → 判断 (two choices with true/false ids or T/F texts), 单选 or 多选.
 * Choices are lettered A–F in document order and the key is translated. The response's
 * cardinality decides 单选/多选; a key that does not fit it, or a mapping the bank cannot score
 * the same way (qti-choice-weights.ts), rejects the item.
 */

export interface ChoiceDeclaration {
  element: MarkupElement;
  cardinality: string;
  correct: string[];
}

export type ChoiceContentResult =
  | { ok: true; content: ParsedItemContent; warnings: string[] }
  | { ok: false; field: string; reason: string };

export function choiceContent(
  root: MarkupElement,
  choice: MarkupElement,
  declaration: ChoiceDeclaration | undefined,
  base: { stem: ItemBody; explanation?: ItemBody },
  toBody: (nodes: readonly MarkupNode[]) => ItemBody,
): ChoiceContentResult {
  const warnings: string[] = [];
  if (declaration === undefined || declaration.correct.length === 0) {
    return { ok: false, field: '答案', reason: '选择题没有正确答案（correctResponse）' };
  }
  const choices = elementsOf(choice, 'qti-simple-choice');
  const ids = choices.map((node) => node.attrs.identifier ?? '');
  const texts = choices.map((node) => textContent(node).trim());
  const isTrueFalse =
    choices.length === 2 &&
    (ids
      .map((id) => id.toLowerCase())
      .sort()
      .join() === 'false,true' ||
      texts.every((text) => parseTrueFalseKey(text).ok && !/^[A-F]$/i.test(text)));
  if (isTrueFalse) {
    const index = ids.indexOf(declaration.correct[0] ?? '');
    const keyText =
      ids[index]?.toLowerCase() === 'true' || ids[index]?.toLowerCase() === 'false'
        ? (ids[index] ?? '')
        : (texts[index] ?? '');
    const key = parseTrueFalseKey(keyText);
    if (index < 0 || !key.ok)
      return {
        ok: false,
        field: '答案',
        reason: `判断题的正确答案“${declaration.correct[0] ?? ''}”不是任何选项`,
      };
    return { ok: true, warnings, content: { type: 'true_false', ...base, key: key.value } };
  } else {
    if (choices.length > OPTION_IDS.length) {
      return {
        ok: false,
        field: '选项',
        reason: `选项有 ${choices.length} 个，最多 6 个（A–F）`,
      };
    }
    const letterOf = new Map<string, OptionId>();
    const options = choices.map((node, index) => {
      const letter = OPTION_IDS[index] ?? 'F';
      letterOf.set(node.attrs.identifier ?? '', letter);
      return { id: letter, content: toBody(node.children) };
    });
    const keys: OptionId[] = [];
    for (const id of declaration.correct) {
      const letter = letterOf.get(id);
      if (letter === undefined)
        return { ok: false, field: '答案', reason: `正确答案“${id}”不是任何选项的 identifier` };
      keys.push(letter);
    }
    const multiple = declaration.cardinality !== 'single';
    const [first] = keys;
    if (multiple && keys.length === 1) {
      return {
        ok: false,
        field: '答案',
        reason: `多选交互（cardinality="${declaration.cardinality}"）只有一个正确答案：本系统的多选题至少有两个正确答案；单选题请写 cardinality="single"、max-choices="1"`,
      };
    }
    const weights =
      responseRules(root, choice.attrs['response-identifier'] ?? '').template === 'match_correct'
        ? { warnings: [] }
        : checkChoiceWeights(
            declaration.element,
            declaration.correct,
            (id) => letterOf.get(id) ?? id,
          );
    if (weights.error !== undefined) return { ok: false, field: '答案', reason: weights.error };
    warnings.push(...weights.warnings);
    if (!multiple) {
      if (first === undefined) return { ok: false, field: '答案', reason: '没有正确答案' };
      if (keys.length > 1) {
        return {
          ok: false,
          field: '答案',
          reason: `单选交互（cardinality="single"）有 ${keys.length} 个正确答案（${keys.join('、')}），无法确定答案`,
        };
      }
      return {
        ok: true,
        warnings,
        content: { type: 'single_choice', ...base, options, key: first },
      };
    } else {
      return {
        ok: true,
        warnings,
        content: { type: 'multiple_choice', ...base, options, key: keys.sort() },
      };
    }
  }
}
