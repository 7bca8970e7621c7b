import {
  htmlText,
  OPTION_IDS,
  type HtmlElement,
  type NumericAnswer,
  type OptionId,
} from '@skillexam/shared';
import {
  acceptedTexts,
  fullCreditAnswers,
  multipleChoiceKey,
  singleChoiceKey,
  type FullCreditAnswer,
  type WeightDecision,
} from './answer-weights';
import { numericSpec, wildcardNumericAnswer } from './gift-numeric';
import { elementsOf, firstElement } from './markup-tree';

/*
 * The answers of a Moodle XML question → the bank's key, by the same rule as GIFT weights
 * (answer-weights): `<answer fraction="…">` is the weight in percent. Also the reasons for the
 * Moodle question types the bank has no counterpart for.
 */

/** The `fraction` attribute (percent); NaN when it is not a number (reported as invalid). */
function fraction(answer: HtmlElement): number {
  const raw = (answer.attrs.fraction ?? '0').trim();
  return raw === '' ? Number.NaN : Number(raw);
}

function answerText(answer: HtmlElement): string {
  return htmlText(firstElement(answer, 'text') ?? answer).trim();
}

const childText = (parent: HtmlElement, tag: string) => {
  const element = firstElement(parent, tag);
  return element === undefined ? '' : htmlText(element).trim();
};

/** `<single>false</single>` makes a multiple-answer question; anything else is single. */
export function moodleChoiceKey(
  question: HtmlElement,
  answers: readonly HtmlElement[],
): WeightDecision<OptionId | OptionId[]> {
  const weights = answers.map(fraction);
  const single = childText(question, 'single').toLowerCase();
  if (single === 'false' || single === '0') return multipleChoiceKey(weights);
  return singleChoiceKey(weights);
}

/** The true/false key: the answer (`true`/`false`) at 100 %, the other at 0. */
export function moodleTrueFalseKey(answers: readonly HtmlElement[]): WeightDecision<boolean> {
  const decision = singleChoiceKey(answers.map(fraction));
  if (!decision.ok) return { ok: false, reason: `判断题：${decision.reason}` };
  const correct = answers[OPTION_IDS.indexOf(decision.value)];
  const value = correct === undefined ? '' : answerText(correct).toLowerCase();
  if (value !== 'true' && value !== 'false')
    return { ok: false, reason: `判断题的满分答案应为 true 或 false，而不是“${value}”` };
  return { ok: true, value: value === 'true', warnings: decision.warnings };
}

/** Short-answer texts: every answer at 100 % and without `*` wildcards. */
export function moodleAcceptedTexts(answers: readonly HtmlElement[]): WeightDecision<string[]> {
  return acceptedTexts(
    answers.map((answer) => ({ text: answerText(answer), weight: fraction(answer) })),
  );
}

/** Numerical answers: value ± `<tolerance>` (absolute, as Moodle's nominal tolerance). */
export function moodleNumericAnswers(
  question: HtmlElement,
  answers: readonly HtmlElement[],
): WeightDecision<NumericAnswer[]> {
  const units = elementsOf(firstElement(question, 'units') ?? question, 'unit')
    .map((unit) => childText(unit, 'unit_name'))
    .filter((name) => name !== '');
  if (units.length > 0)
    return {
      ok: false,
      reason: `数值题带单位（${units.join('、')}）：题库的数值填空只比较数值，不读单位`,
    };
  const parsed: FullCreditAnswer<NumericAnswer>[] = [];
  for (const answer of answers) {
    const text = answerText(answer);
    const tolerance = childText(answer, 'tolerance');
    const weight = fraction(answer);
    if (text === '*') {
      parsed.push(wildcardNumericAnswer(weight));
      continue;
    }
    const value = numericSpec(tolerance === '' ? text : `${text}:${tolerance}`);
    if (value === undefined)
      return { ok: false, reason: `数值答案“${text}”（误差“${tolerance}”）不是数` };
    parsed.push({ value, label: text, weight });
  }
  return fullCreditAnswers(parsed, '数值填空');
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  matching: '配对题',
  randomsamatch: '随机简答配对题',
  ddmatch: '拖放配对题',
  calculated: '计算题',
  calculatedsimple: '简单计算题',
  calculatedmulti: '计算选择题',
  multianswer: '完形填空（Cloze）题',
  ddwtos: '拖放填空题',
  gapselect: '下拉选词填空题',
  ddimageortext: '拖放到图片题',
  ddmarker: '拖放标记题',
  ordering: '排序题',
  random: '随机题（占位）',
};

/** Why a Moodle question type cannot be imported, naming it. */
export function unsupportedTypeReason(type: string): string {
  const name = TYPE_NAMES[type];
  return `${name !== undefined ? `${name}（${type}）` : `Moodle 题型“${type}”`}在题库中没有对应题型，未导入（支持 multichoice、truefalse、shortanswer、numerical、essay）`;
}
