import { z } from 'zod';
import { BlockElementSchema } from './content-nodes';

/**
 * The stored form of every rich text fragment of an item (stem, option, explanation,
 * reference answer): a versioned envelope around Slate-compatible blocks
 * (docs/architecture.md#rich-content). Bump `ITEM_BODY_VERSION` only together with an upgrade step
 * in `item-body-upgrades.ts`.
 */
export const ITEM_BODY_FORMAT = 'item-body';
export const ITEM_BODY_VERSION = 1;

export const ItemBodySchema = z.strictObject({
  format: z.literal(ITEM_BODY_FORMAT),
  version: z.literal(ITEM_BODY_VERSION),
  /** At least one block: an editor always needs a place for the cursor. */
  content: z.array(BlockElementSchema).min(1),
});
export type ItemBody = z.infer<typeof ItemBodySchema>;
