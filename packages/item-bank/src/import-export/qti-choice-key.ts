import {
  htmlText,
  OPTION_IDS,
  type HtmlElement,
  type HtmlNode,
  type ItemBody,
  type OptionId,
} from '@skillexam/shared';
import type { ParsedItemContent } from './item-file-types';
import { elementsOf } from './markup-tree';
import { checkChoiceWeights, type ChoiceWeightCheck } from './qti-choice-weights';
import { responseRules } from './qti-response-rules';

/*
 * A QTI choice interaction → 判断 (two choices with true/false ids, or texts of which one is
 * a true word and the other a false word: 正确/错误, 对/错, √/×, True/False), 单选 or 多选.
 * Choices are lettered A–F in document order and the key is translated. The response's
 * cardinality decides 单选/多选; a key that does not fit it, or (on every branch) a mapping the
 * bank cannot score the same way (qti-choice-weights.ts), rejects the item.
 */

/**
 * The words that make two choices a 判断, one of each kind (a narrow list: 是/否, 1/0, X/Y or
 * 对/是 are real options of a 单选; docs/decisions/0659).
 */
const TRUE_WORDS = new Set(['正确', '对', '√', 'true']);
const FALSE_WORDS = new Set(['错误', '错', '×', 'false']);

function wordTruth(word: string): boolean | undefined {
  const lower = word.trim().toLowerCase();
  return TRUE_WORDS.has(lower) ? true : FALSE_WORDS.has(lower) ? false : undefined;
}

/**
 * Each choice's truth when two choices make a 判断: identifiers true/false (any case), or one
 * true word and one false word as texts. Otherwise undefined (单选/多选).
 */
function trueFalseValues(ids: readonly string[], texts: readonly string[]): boolean[] | undefined {
  if (ids.length !== 2) return undefined;
  const idTruth = (id: string) =>
    id.toLowerCase() === 'true' ? true : id.toLowerCase() === 'false' ? false : undefined;
  for (const truth of [ids.map(idTruth), texts.map(wordTruth)]) {
    const [first, second] = truth;
    if (first !== undefined && second !== undefined && first !== second) return [first, second];
  }
  return undefined;
}

export interface ChoiceDeclaration {
  element: HtmlElement;
  cardinality: string;
  correct: string[];
}

export type ChoiceContentResult =
  | { ok: true; content: ParsedItemContent; warnings: string[] }
  | { ok: false; field: string; reason: string };

export function choiceContent(
  root: HtmlElement,
  choice: HtmlElement,
  declaration: ChoiceDeclaration | undefined,
  base: { stem: ItemBody; explanation?: ItemBody },
  toBody: (nodes: readonly HtmlNode[]) => ItemBody,
): ChoiceContentResult {
  const warnings: string[] = [];
  if (declaration === undefined || declaration.correct.length === 0) {
    return { ok: false, field: '答案', reason: '选择题没有正确答案（correctResponse）' };
  }
  const choices = elementsOf(choice, 'qti-simple-choice');
  const ids = choices.map((node) => node.attrs.identifier ?? '');
  const texts = choices.map((node) => htmlText(node).trim());
  const weightsOf = (label: (id: string) => string): ChoiceWeightCheck =>
    responseRules(root, choice.attrs['response-identifier'] ?? '').template === 'match_correct'
      ? { warnings: [] }
      : checkChoiceWeights(declaration.element, declaration.correct, label);
  const truth = trueFalseValues(ids, texts);
  if (truth !== undefined) {
    if (declaration.correct.length > 1) {
      return {
        ok: false,
        field: '答案',
        reason: `判断题有 ${declaration.correct.length} 个正确答案（${declaration.correct.join('、')}），应只有一个`,
      };
    }
    const key = truth[ids.indexOf(declaration.correct[0] ?? '')];
    if (key === undefined)
      return {
        ok: false,
        field: '答案',
        reason: `判断题的正确答案“${declaration.correct[0] ?? ''}”不是任何选项`,
      };
    const weights = weightsOf((id) => texts[ids.indexOf(id)] || id);
    if (weights.error !== undefined) return { ok: false, field: '答案', reason: weights.error };
    warnings.push(...weights.warnings);
    return { ok: true, warnings, content: { type: 'true_false', ...base, key } };
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
    const weights = weightsOf((id) => letterOf.get(id) ?? id);
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
