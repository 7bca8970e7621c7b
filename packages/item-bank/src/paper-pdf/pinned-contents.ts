import { CodedError, type ItemContent, type Paper } from '@skillexam/shared';
import type { ItemStore } from '../items/item-store';

/** Content of every pinned item version of a paper; a missing version is a clear error. */
export function pinnedContents(
  items: Pick<ItemStore, 'getVersion'>,
  paper: Paper,
): Map<string, ItemContent> {
  const contents = new Map<string, ItemContent>();
  for (const ref of paper.sections.flatMap((section) => section.items)) {
    const version = items.getVersion(ref.itemId, ref.version);
    if (version === undefined) {
      throw new CodedError(
        'NOT_FOUND',
        `试卷 ${paper.id} 的试题 ${ref.itemId} 第 ${ref.version} 版不在题库中`,
      );
    }
    contents.set(ref.itemId, version.content);
  }
  return contents;
}
