import {
  describeAcceptedAnswer,
  flattenRanges,
  toPlainText,
  type AssessmentRange,
  type ItemContent,
} from '@skillexam/shared';
import type { PointRecord } from '../standards/standard-store';
import type { PointProfile } from './point-matcher';

/** What an item says, for matching against 鉴定点: stem, options and the key's text. */
export function classificationText(content: ItemContent): string {
  const parts = [toPlainText(content.stem)];
  switch (content.type) {
    case 'single_choice':
    case 'multiple_choice': {
      // The key's text is among the options; terms are a set, so it counts once.
      parts.push(...content.options.map((option) => toPlainText(option.content)));
      break;
    }
    case 'fill_blank':
      parts.push(...Object.values(content.key).flat().map(describeAcceptedAnswer));
      break;
    case 'short_answer':
      parts.push(toPlainText(content.key.referenceAnswer));
      break;
    case 'true_false':
      break;
  }
  return parts.join(' ');
}

/** Each 鉴定点 with the names of the 鉴定范围 above it (top first). */
export function pointProfiles(
  points: readonly PointRecord[],
  ranges: readonly AssessmentRange[],
): PointProfile[] {
  const rangeNames = new Map(
    flattenRanges([...ranges]).map((entry) => [entry.path, entry.range.name]),
  );
  return points
    .filter((point) => point.unclassified !== true)
    .map((point) => {
      const codes = point.rangePath.split('-');
      const names = codes.flatMap((_, depth) => {
        const name = rangeNames.get(codes.slice(0, depth + 1).join('-'));
        return name === undefined ? [] : [name];
      });
      return { id: point.id, path: point.path, name: point.name, rangeNames: names };
    });
}
