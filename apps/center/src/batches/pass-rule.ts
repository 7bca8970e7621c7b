import { z } from 'zod';
import { levelHasReview } from './batch-levels';

/*
 * A batch's pass rule (合格标准): the lowest passing score of each part on a 100-point scale;
 * 60 for every part unless the batch says otherwise. A candidate passes when every part the
 * level requires is present and at least its minimum; `incomplete` while a part is missing.
 */

const Minimum = z.number().min(0).max(100);

export const PassRuleSchema = z
  .object({
    theory: Minimum.default(60),
    skills: Minimum.default(60),
    review: Minimum.default(60),
  })
  .strict();
export type PassRule = z.infer<typeof PassRuleSchema>;

export const DEFAULT_PASS_RULE: PassRule = { theory: 60, skills: 60, review: 60 };

export type BatchOutcome = 'pass' | 'fail' | 'incomplete';

export interface CandidateScores {
  readonly theoryScore: number | null;
  readonly skillsScore: number | null;
  readonly reviewScore: number | null;
}

/** The parts a level is assessed by, in the order they are shown. */
export function requiredParts(level: number): readonly (keyof PassRule)[] {
  return levelHasReview(level) ? ['theory', 'skills', 'review'] : ['theory', 'skills'];
}

export function candidateOutcome(
  scores: CandidateScores,
  rule: PassRule,
  level: number,
): BatchOutcome {
  const score = {
    theory: scores.theoryScore,
    skills: scores.skillsScore,
    review: scores.reviewScore,
  };
  const parts = requiredParts(level);
  if (parts.some((part) => score[part] === null)) return 'incomplete';
  return parts.every((part) => (score[part] ?? 0) >= rule[part]) ? 'pass' : 'fail';
}

/** A theory total on a 100-point scale, rounded to 2 decimals (the column's precision). */
export function theoryScoreOf(total: number, fullMarks: number): number {
  if (!(fullMarks > 0)) throw new RangeError(`full marks must be positive, got ${fullMarks}`);
  return Math.round((total / fullMarks) * 100 * 100) / 100;
}
