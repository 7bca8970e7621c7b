import {
  ANSWER_KEY_STYLES,
  formatAnswerKey,
  toPlainText,
  type ChoiceOption,
  type ItemBody,
  type ItemContent,
} from '@skillexam/shared';
import { normalizeText } from '../search/normalize-text';

/*
 * The texts derived from an item's content:
 * - `readableItemText`: everything a reviewer reads, line by line (history diffs);
 * - `searchText`: normalized stem + options + explanation (the search index);
 * - `similarityText`: normalized stem + options (near-duplicate detection; an explanation
 *   rewritten in other words does not make two items different).
 */

function optionLines(content: ItemContent): string[] {
  return content.type === 'single_choice' || content.type === 'multiple_choice'
    ? content.options.map((option) => `${option.id}. ${toPlainText(option.content)}`)
    : [];
}

export function readableItemText(content: ItemContent): string {
  return [
    `【题干】${toPlainText(content.stem)}`,
    ...optionLines(content),
    `【答案】${formatAnswerKey(content, ANSWER_KEY_STYLES.history)}`,
    ...(content.explanation === undefined ? [] : [`【解析】${toPlainText(content.explanation)}`]),
    `【鉴定点】${content.assessmentPointId} 【等级】${content.level} 【难度】${content.difficulty}`,
  ].join('\n');
}

export function searchText(content: ItemContent): string {
  const parts = [
    toPlainText(content.stem),
    ...optionLines(content),
    ...(content.explanation === undefined ? [] : [toPlainText(content.explanation)]),
  ];
  return normalizeText(parts.join(' '));
}

export interface TextualContent {
  readonly stem: ItemBody;
  readonly options?: readonly ChoiceOption[];
}

export function similarityText(content: TextualContent): string {
  const options = (content.options ?? []).map((option) => toPlainText(option.content));
  return normalizeText([toPlainText(content.stem), ...options].join(' '));
}
