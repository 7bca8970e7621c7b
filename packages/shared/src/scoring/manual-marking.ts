import { CodedError } from '../protocol/ack';
import { roundPoints } from './round-points';

/*
 * 简答题 marking (阅卷). One marker, or two independent markers (双评) when configured:
 * - two marks within the tolerance → the final score is their average;
 * - two marks further apart → a third marker (三评) marks; the final score is the average of
 *   the third mark and whichever of the first two is closer to it (on a tie, the higher one).
 * Every mark and the method are kept with the final score.
 */

export interface ManualMark {
  readonly markerId: string;
  readonly points: number;
  readonly markedAt: string;
  readonly comment?: string;
}

export interface ManualMarkingPolicy {
  /** 1: single marking; 2: double marking (双评). */
  readonly markersRequired: 1 | 2;
  /** Largest difference between the two marks accepted without a third marker, in points. */
  readonly tolerance?: number;
}

export const DEFAULT_MANUAL_MARKING_POLICY: ManualMarkingPolicy = { markersRequired: 1 };

/** Default tolerance of double marking: 20 % of the item's points. */
export const DEFAULT_TOLERANCE_FRACTION = 0.2;

export type ManualMarkOutcome =
  | {
      readonly status: 'awaiting_marks';
      readonly marksNeeded: number;
      readonly marks: readonly ManualMark[];
    }
  | {
      readonly status: 'needs_third_marker';
      readonly difference: number;
      readonly tolerance: number;
      readonly marks: readonly ManualMark[];
    }
  | {
      readonly status: 'final';
      readonly points: number;
      readonly method: 'single' | 'average' | 'arbitrated';
      readonly marks: readonly ManualMark[];
    };

function checkMarks(maxPoints: number, marks: readonly ManualMark[]): void {
  const markers = new Set<string>();
  marks.forEach((mark, index) => {
    if (!Number.isFinite(mark.points) || mark.points < 0 || mark.points > maxPoints) {
      throw new CodedError(
        'BAD_REQUEST',
        `评分无效：第 ${index + 1} 评给分 ${mark.points} 不在 0–${maxPoints} 分之间 (mark ${index + 1} out of range)`,
      );
    }
    if (markers.has(mark.markerId)) {
      throw new CodedError(
        'CONFLICT',
        `同一评分人不能重复评分：${mark.markerId} (marker already marked this answer)`,
      );
    }
    markers.add(mark.markerId);
  });
}

/**
 * Combines the marks given so far (in the order they were given) into a final score, or says
 * what is still needed. Throws a CodedError for a mark out of range, a repeated marker or more
 * marks than the policy takes.
 */
export function finalizeManualMark(
  maxPoints: number,
  marks: readonly ManualMark[],
  policy: ManualMarkingPolicy = DEFAULT_MANUAL_MARKING_POLICY,
): ManualMarkOutcome {
  checkMarks(maxPoints, marks);
  const [first, second, third] = marks;
  if (first === undefined)
    return { status: 'awaiting_marks', marksNeeded: policy.markersRequired, marks };
  if (policy.markersRequired === 1) {
    if (marks.length > 1) {
      throw new CodedError('CONFLICT', '该题为单评，已有评分 (single marking: already marked)');
    }
    return { status: 'final', points: roundPoints(first.points), method: 'single', marks };
  }
  if (second === undefined) return { status: 'awaiting_marks', marksNeeded: 1, marks };
  const tolerance = policy.tolerance ?? roundPoints(maxPoints * DEFAULT_TOLERANCE_FRACTION);
  const difference = roundPoints(Math.abs(first.points - second.points));
  if (difference <= tolerance) {
    if (marks.length > 2) {
      throw new CodedError('CONFLICT', '两评分差在允许范围内，不需要三评 (no third mark needed)');
    }
    const points = roundPoints((first.points + second.points) / 2);
    return { status: 'final', points, method: 'average', marks };
  }
  if (third === undefined) return { status: 'needs_third_marker', difference, tolerance, marks };
  if (marks.length > 3) throw new CodedError('CONFLICT', '最多三评 (at most three marks)');
  const distanceFirst = Math.abs(third.points - first.points);
  const distanceSecond = Math.abs(third.points - second.points);
  const nearer =
    distanceFirst < distanceSecond
      ? first.points
      : distanceSecond < distanceFirst
        ? second.points
        : Math.max(first.points, second.points);
  return {
    status: 'final',
    points: roundPoints((third.points + nearer) / 2),
    method: 'arbitrated',
    marks,
  };
}
