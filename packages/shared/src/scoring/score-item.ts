import type { AcceptedAnswer } from '../domain/item-content';
import type { MultipleChoiceScoring } from '../domain/paper';
import type { AnswerValue } from '../protocol/answer';
import type { ItemAnswerKey } from './answer-keys';
import { matchesAcceptedAnswer } from './match-accepted-answer';
import { roundPoints } from './round-points';

/*
 * Scores one response against its key. Pure; never throws for a bad answer: an answer of the
 * wrong kind scores 0 as `invalid_answer` (the server validates answers when they are saved).
 *
 * Rules
 * - 判断题 / 单选题: full points when the answer equals the key, else 0. A single-choice answer
 *   with more than one option selected is wrong.
 * - 多选题 'all_or_nothing' (default): full points only when the selected set equals the key set.
 * - 多选题 'partial': any selected option outside the key → 0; otherwise
 *   pointsEach × (correct options selected) / (options in the key), rounded to 0.01.
 *   Selecting every key option therefore earns full points.
 * - 填空题: each blank is worth pointsEach / (blanks in the key), earned when the answer matches
 *   one of the blank's accepted answers (`matchesAcceptedAnswer`: a text after
 *   `normalizeAnswerText`, a number within its tolerance); rounded to 0.01.
 * - 简答题: never scored here; `needs_marking` sends it to the manual marking queue.
 */

export type ItemOutcome = 'correct' | 'partial' | 'wrong' | 'unanswered' | 'invalid_answer';

export interface BlankResult {
  readonly blankId: string;
  readonly given: string;
  readonly correct: boolean;
}

export type ItemScore =
  | {
      readonly status: 'scored';
      readonly outcome: ItemOutcome;
      readonly points: number;
      readonly maxPoints: number;
      /** 填空题 only: the result of every blank of the key, in key order. */
      readonly blanks?: readonly BlankResult[];
    }
  | { readonly status: 'needs_marking'; readonly maxPoints: number };

export interface ScoreItemOptions {
  readonly pointsEach: number;
  readonly multipleChoicePolicy?: MultipleChoiceScoring;
}

function scored(outcome: ItemOutcome, points: number, maxPoints: number): ItemScore {
  return { status: 'scored', outcome, points: roundPoints(points), maxPoints };
}

function outcomeOf(points: number, maxPoints: number): ItemOutcome {
  if (points >= maxPoints) return 'correct';
  return points > 0 ? 'partial' : 'wrong';
}

function scoreMultipleChoice(
  key: readonly string[],
  selected: readonly string[],
  maxPoints: number,
  policy: MultipleChoiceScoring,
): ItemScore {
  const keySet = new Set(key);
  const selectedSet = new Set(selected);
  if (selectedSet.size === 0) return scored('unanswered', 0, maxPoints);
  const wrongSelected = [...selectedSet].some((option) => !keySet.has(option));
  if (wrongSelected) return scored('wrong', 0, maxPoints);
  const correctSelected = [...selectedSet].filter((option) => keySet.has(option)).length;
  if (correctSelected === keySet.size) return scored('correct', maxPoints, maxPoints);
  if (policy === 'all_or_nothing') return scored('wrong', 0, maxPoints);
  const points = roundPoints((maxPoints * correctSelected) / keySet.size);
  return scored(outcomeOf(points, maxPoints), points, maxPoints);
}

function scoreFillBlank(
  key: Readonly<Record<string, readonly AcceptedAnswer[]>>,
  values: Readonly<Record<string, string>>,
  maxPoints: number,
): ItemScore {
  const blankIds = Object.keys(key);
  if (blankIds.length === 0) return scored('wrong', 0, maxPoints);
  const blanks: BlankResult[] = blankIds.map((blankId) => {
    const given = values[blankId] ?? '';
    return { blankId, given, correct: matchesAcceptedAnswer(given, key[blankId] ?? []) };
  });
  const answered = blanks.some((blank) => blank.given.trim().length > 0);
  const correctCount = blanks.filter((blank) => blank.correct).length;
  const points =
    correctCount === blankIds.length
      ? maxPoints
      : roundPoints((maxPoints * correctCount) / blankIds.length);
  const outcome: ItemOutcome = answered ? outcomeOf(points, maxPoints) : 'unanswered';
  return { status: 'scored', outcome, points, maxPoints, blanks };
}

/** Scores one response. `answer` is the candidate's last saved value (`null`/absent: none). */
export function scoreItem(
  answerKey: ItemAnswerKey,
  answer: AnswerValue | undefined,
  options: ScoreItemOptions,
): ItemScore {
  const maxPoints = options.pointsEach;
  if (answerKey.type === 'short_answer') return { status: 'needs_marking', maxPoints };
  if (answer === null || answer === undefined) return scored('unanswered', 0, maxPoints);
  switch (answerKey.type) {
    case 'true_false':
      if (answer.kind !== 'true_false') return scored('invalid_answer', 0, maxPoints);
      return answer.value === answerKey.key
        ? scored('correct', maxPoints, maxPoints)
        : scored('wrong', 0, maxPoints);
    case 'single_choice': {
      if (answer.kind !== 'choice') return scored('invalid_answer', 0, maxPoints);
      const distinct = new Set(answer.selected);
      if (distinct.size === 0) return scored('unanswered', 0, maxPoints);
      return distinct.size === 1 && distinct.has(answerKey.key)
        ? scored('correct', maxPoints, maxPoints)
        : scored('wrong', 0, maxPoints);
    }
    case 'multiple_choice':
      if (answer.kind !== 'choice') return scored('invalid_answer', 0, maxPoints);
      return scoreMultipleChoice(
        answerKey.key,
        answer.selected,
        maxPoints,
        options.multipleChoicePolicy ?? 'all_or_nothing',
      );
    case 'fill_blank':
      if (answer.kind !== 'blanks') return scored('invalid_answer', 0, maxPoints);
      return scoreFillBlank(answerKey.key, answer.values, maxPoints);
  }
}
