import type { ItemBody, ItemContent } from '@skillexam/shared';
import type { ParsedItemContent } from './item-file-types';

/** Every rich-text document of an item: stem, 解析, options, reference answer. */
export function itemBodies(content: ItemContent | ParsedItemContent): ItemBody[] {
  const bodies = [content.stem];
  if (content.explanation !== undefined) bodies.push(content.explanation);
  if ('options' in content) bodies.push(...content.options.map((option) => option.content));
  if (content.type === 'short_answer') bodies.push(content.key.referenceAnswer);
  return bodies;
}
