import { collectAssetHashes } from '../content/document-queries';
import type { ItemBody } from '../content/item-body';
import type { ItemType } from './item-type';

/*
 * The one walk over an item's rich-text fields. It reads any shape that carries them: a bank
 * item's content, an item parsed from a file (no 鉴定点 yet), a candidate's copy of an item
 * (stem and options only, no 解析 and no key).
 */

interface BodyFields {
  readonly stem: ItemBody;
  readonly explanation?: ItemBody | undefined;
}

export type ContentWithBodies =
  | (BodyFields & {
      readonly type: 'short_answer';
      readonly key?: { readonly referenceAnswer: ItemBody };
    })
  | (BodyFields & {
      readonly type: Exclude<ItemType, 'short_answer'>;
      readonly options?: readonly { readonly content: ItemBody }[];
    });

/** Every rich-text document of an item, in this order: stem, 解析, options, reference answer. */
export function itemBodies(content: ContentWithBodies): ItemBody[] {
  const bodies = [content.stem];
  if (content.explanation !== undefined) bodies.push(content.explanation);
  if (content.type === 'short_answer') {
    if (content.key !== undefined) bodies.push(content.key.referenceAnswer);
  } else if (content.options !== undefined) {
    bodies.push(...content.options.map((option) => option.content));
  }
  return bodies;
}

/** Every image hash the item uses, once each, in document order. */
export function contentAssetHashes(content: ContentWithBodies): string[] {
  return [...new Set(itemBodies(content).flatMap(collectAssetHashes))];
}

/** Every image hash a paper's items use, once each, in paper order (what a package must carry). */
export function paperAssetHashes(paper: {
  readonly sections: readonly { readonly items: readonly ContentWithBodies[] }[];
}): string[] {
  return [
    ...new Set(paper.sections.flatMap((section) => section.items.flatMap(contentAssetHashes))),
  ];
}
