import type { ItemType } from '../domain/item-type';
import type { AnswerValue } from '../protocol/answer';
import type { PaperAnswerKeys } from './answer-keys';
import { roundPoints, sumPoints } from './round-points';
import { scoreItem, type ItemScore } from './score-item';

/*
 * Scores a whole attempt: every item, per section (大题), the total and pass/fail.
 * Short answers stay `needs_marking` until a final manual mark is supplied.
 */

export type ItemResultScore =
  ItemScore | { readonly status: 'marked'; readonly points: number; readonly maxPoints: number };

export interface ItemResult {
  readonly itemId: string;
  readonly version: number;
  readonly number: number;
  readonly sectionIndex: number;
  readonly itemType: ItemType;
  readonly score: ItemResultScore;
}

export interface SectionScore {
  readonly title: string;
  readonly itemType: ItemType;
  readonly points: number;
  readonly maxPoints: number;
  readonly needsMarking: number;
}

/**
 * `pass`/`fail` are final as soon as they cannot change: a total at or above the pass mark
 * passes even with items still to mark; a total that cannot reach it even with full marks on
 * every unmarked item fails. Otherwise `pending`.
 */
export type AttemptResult = 'pass' | 'fail' | 'pending';

export interface AttemptScore {
  readonly paperId: string;
  /** Points earned so far (auto-scored plus final manual marks). */
  readonly total: number;
  readonly maxTotal: number;
  readonly passMark: number;
  readonly result: AttemptResult;
  readonly needsMarking: number;
  readonly sections: readonly SectionScore[];
  readonly items: readonly ItemResult[];
  /** Item ids that had an answer but are not in the paper (ignored). */
  readonly ignoredAnswers: readonly string[];
}

export interface ScoreAttemptOptions {
  /** Overrides the paper's pass mark (default from the package; 60 if the paper has none). */
  readonly passMark?: number;
  /** Final manual marks of 简答题 by item id (see `finalizeManualMark`). */
  readonly manualMarks?: ReadonlyMap<string, number>;
}

function pointsOf(score: ItemResultScore): number {
  return score.status === 'needs_marking' ? 0 : score.points;
}

export function scoreAttempt(
  keys: PaperAnswerKeys,
  answers: ReadonlyMap<string, AnswerValue>,
  options: ScoreAttemptOptions = {},
): AttemptScore {
  const items: ItemResult[] = [];
  const sections: SectionScore[] = keys.sections.map((section, sectionIndex) => {
    const sectionItems = section.items.map((item): ItemResult => {
      const manual = options.manualMarks?.get(item.itemId);
      let score: ItemResultScore = scoreItem(item.answer, answers.get(item.itemId), {
        pointsEach: section.pointsEach,
        ...(section.scoringPolicy === undefined
          ? {}
          : { multipleChoicePolicy: section.scoringPolicy }),
      });
      if (score.status === 'needs_marking' && manual !== undefined) {
        if (!Number.isFinite(manual) || manual < 0 || manual > section.pointsEach) {
          throw new RangeError(
            `Manual mark ${manual} for item ${item.itemId} is outside 0–${section.pointsEach}`,
          );
        }
        score = { status: 'marked', points: roundPoints(manual), maxPoints: section.pointsEach };
      }
      return {
        itemId: item.itemId,
        version: item.version,
        number: item.number,
        sectionIndex,
        itemType: section.itemType,
        score,
      };
    });
    items.push(...sectionItems);
    return {
      title: section.title,
      itemType: section.itemType,
      points: sumPoints(sectionItems.map((item) => pointsOf(item.score))),
      maxPoints: sumPoints(sectionItems.map(() => section.pointsEach)),
      needsMarking: sectionItems.filter((item) => item.score.status === 'needs_marking').length,
    };
  });
  const total = sumPoints(sections.map((section) => section.points));
  const maxTotal = sumPoints(sections.map((section) => section.maxPoints));
  const passMark = options.passMark ?? keys.passMark;
  const pendingPoints = sumPoints(
    items
      .filter((item) => item.score.status === 'needs_marking')
      .map((item) => item.score.maxPoints),
  );
  const result: AttemptResult =
    total >= passMark ? 'pass' : total + pendingPoints < passMark ? 'fail' : 'pending';
  const known = new Set(items.map((item) => item.itemId));
  return {
    paperId: keys.paperId,
    total,
    maxTotal,
    passMark,
    result,
    needsMarking: sections.reduce((sum, section) => sum + section.needsMarking, 0),
    sections,
    items,
    ignoredAnswers: [...answers.keys()].filter((itemId) => !known.has(itemId)),
  };
}
