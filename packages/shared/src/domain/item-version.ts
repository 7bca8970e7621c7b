import { z } from 'zod';
import { EntityIdSchema, IsoDateTimeSchema } from './common';
import { ItemContentSchema } from './item-content';
import { toItemContent, type Item } from './item';

export const ItemVersionNumberSchema = z.int().min(1);

/** Names one immutable version of an item; papers are built from these. */
export const ItemVersionRefSchema = z.object({
  itemId: EntityIdSchema,
  version: ItemVersionNumberSchema,
});
export type ItemVersionRef = z.infer<typeof ItemVersionRefSchema>;

/**
 * One saved version of an item's content. Never edited once written: a change makes a new
 * version. Parsed values are frozen (`readonly` type, `Object.freeze` at the top level);
 * `createItemVersion` freezes the whole snapshot.
 */
export const ItemVersionSchema = z
  .object({
    ...ItemVersionRefSchema.shape,
    content: ItemContentSchema,
    /** The user who saved this version. */
    createdBy: EntityIdSchema,
    createdAt: IsoDateTimeSchema,
    /** 修改说明: why the version was made. */
    note: z.string().trim().max(1_000).optional(),
  })
  .readonly();
export type ItemVersion = z.infer<typeof ItemVersionSchema>;

/** Freezes a JSON-like tree (the parse already froze the top level, so always descend). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export interface NewItemVersion {
  readonly createdBy: string;
  readonly createdAt: string;
  readonly note?: string;
}

/** Snapshots an item's current content as version `item.version`, deeply frozen. */
export function createItemVersion(item: Item, meta: NewItemVersion): ItemVersion {
  const version = ItemVersionSchema.parse({
    itemId: item.id,
    version: item.version,
    content: toItemContent(item),
    ...meta,
  });
  return deepFreeze(version);
}
