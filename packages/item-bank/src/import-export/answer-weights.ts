import { OPTION_IDS, type OptionId } from '@skillexam/shared';

/*
 * Moodle/GIFT answer weights (percent of the question's mark: GIFT `%50%`, Moodle
 * `fraction="50"`) → the bank's key, only where the bank holds the weights exactly:
 *
 * - single choice: one option at 100 %, every other option ≤ 0 (a negative weight is a
 *   penalty the bank does not deduct: warning);
 * - multiple choice: k ≥ 2 options at 100/k % each, every other option ≤ 0 (the bank's
 *   multiple-choice key; a paper's 'partial' policy gives the same k-th shares);
 * - short answer: every accepted answer at 100 %, no `*` wildcard.
 *
 * Anything else is a reason naming the options and their weights, never a different key.
 * Pure; both the GIFT and the Moodle XML reader use it (decision 0610).
 */

/** Weights closer than this (percentage points) are equal: Moodle writes 33.33333. */
const EPSILON = 0.01;

export type WeightDecision<T> =
  { ok: true; value: T; warnings: string[] } | { ok: false; reason: string };

export interface WeightedAnswer {
  text: string;
  weight: number;
}

const near = (a: number, b: number) => Math.abs(a - b) < EPSILON;

export function formatWeight(weight: number): string {
  return `${Number(weight.toFixed(5))}%`;
}

const letter = (index: number) => OPTION_IDS[index] ?? `第${index + 1}项`;

function listed(weights: readonly number[], indices: readonly number[]): string {
  return indices.map((index) => `${letter(index)} ${formatWeight(weights[index] ?? 0)}`).join('、');
}

function invalidWeight(weights: readonly number[]): string | undefined {
  const index = weights.findIndex((weight) => !Number.isFinite(weight) || weight > 100 + EPSILON);
  if (index < 0) return undefined;
  return `选项 ${letter(index)} 的分数“${String(weights[index])}”无效（应为 -100% 到 100%）`;
}

function penaltyWarning(weights: readonly number[]): string[] {
  const negative = weights.flatMap((weight, index) => (weight < 0 ? [index] : []));
  if (negative.length === 0) return [];
  return [`错选扣分（${listed(weights, negative)}）未导入：题库中选错得 0 分`];
}

/** A single-choice question (GIFT with an `=` answer, Moodle `<single>true`): the key index. */
export function singleChoiceKey(weights: readonly number[]): WeightDecision<OptionId> {
  const invalid = invalidWeight(weights);
  if (invalid !== undefined) return { ok: false, reason: invalid };
  const positive = weights.flatMap((weight, index) => (weight > 0 ? [index] : []));
  const [only] = positive;
  if (only === undefined) return { ok: false, reason: '没有正确选项（没有分数为正的选项）' };
  if (positive.length > 1)
    return {
      ok: false,
      reason: `单选题有 ${positive.length} 个得分选项（${listed(weights, positive)}）：题库的单选题只有一个正确选项，没有部分得分`,
    };
  if (!near(weights[only] ?? 0, 100))
    return {
      ok: false,
      reason: `单选题唯一的得分选项 ${listed(weights, positive)} 不是满分：题库的单选题没有部分得分`,
    };
  return { ok: true, value: OPTION_IDS[only] ?? 'A', warnings: penaltyWarning(weights) };
}

/** A multiple-answer question (GIFT `~` answers only, Moodle `<single>false`): the key. */
export function multipleChoiceKey(weights: readonly number[]): WeightDecision<OptionId[]> {
  const invalid = invalidWeight(weights);
  if (invalid !== undefined) return { ok: false, reason: invalid };
  const positive = weights.flatMap((weight, index) => (weight > 0 ? [index] : []));
  if (positive.length === 0) return { ok: false, reason: '没有正确选项（没有分数为正的选项）' };
  if (positive.length === 1)
    return {
      ok: false,
      reason: `多选题只有一个得分选项（${listed(weights, positive)}）：题库的多选题至少有 2 个正确选项；若是单选题，请改为单选（GIFT 用“=”标出该选项，Moodle 设 <single>true</single>）`,
    };
  const share = 100 / positive.length;
  if (!positive.every((index) => near(weights[index] ?? 0, share)))
    return {
      ok: false,
      reason: `多选题各得分选项的分数不相等或合计不是 100%（${listed(weights, positive)}）：题库的多选题每个正确选项分值相同，无法表示这组部分得分`,
    };
  return { ok: true, value: positive.map((index) => OPTION_IDS[index] ?? 'A'), warnings: [] };
}

/** Answers that all must earn full marks (short answer, numeric); `label` names one in reasons. */
export interface FullCreditAnswer<T> {
  value: T;
  label: string;
  weight: number;
  /** Why this answer cannot be held even at 100 % (e.g. a `*` wildcard). */
  problem?: string;
}

/**
 * The values of answers that all earn 100 % (short answer, missing word, numeric); otherwise
 * one reason naming every answer with another weight or a problem.
 */
export function fullCreditAnswers<T>(
  answers: readonly FullCreditAnswer<T>[],
  kind: string,
): WeightDecision<T[]> {
  const partial = answers.some((answer) => !near(answer.weight, 100));
  const problems = answers.flatMap((answer) => {
    const wrong = [
      ...(near(answer.weight, 100) ? [] : [`得 ${formatWeight(answer.weight)}`]),
      ...(answer.problem !== undefined ? [answer.problem] : []),
    ];
    return wrong.length === 0 ? [] : [`答案“${answer.label}”${wrong.join('且')}`];
  });
  if (problems.length > 0)
    return {
      ok: false,
      reason: `${problems.join('；')}${partial ? `：题库的${kind}只收满分答案，没有部分得分` : ''}`,
    };
  if (answers.length === 0) return { ok: false, reason: '没有满分答案' };
  return { ok: true, value: answers.map((answer) => answer.value), warnings: [] };
}

/** Short-answer texts: all at 100 %; `*` (a Moodle wildcard) cannot be compared literally. */
export function acceptedTexts(answers: readonly WeightedAnswer[]): WeightDecision<string[]> {
  return fullCreditAnswers(
    answers
      .map((answer) => ({ ...answer, text: answer.text.trim() }))
      .filter((answer) => answer.text !== '')
      .map((answer) => ({
        value: answer.text,
        label: answer.text,
        weight: answer.weight,
        ...(answer.text.includes('*')
          ? { problem: '含通配符“*”（题库的填空题按原文比对，不支持通配符）' }
          : {}),
      })),
    '填空题',
  );
}
