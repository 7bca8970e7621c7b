import { z } from 'zod';
import { ItemBodySchema } from '../content/item-body';

export const OPTION_IDS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** An option's letter; matches the answer protocol (`/^[A-F]$/`). */
export const OptionIdSchema = z.enum(OPTION_IDS);
export type OptionId = z.infer<typeof OptionIdSchema>;

/** 选项: one answer option of a choice item. */
export const ChoiceOptionSchema = z.object({
  id: OptionIdSchema,
  content: ItemBodySchema,
});
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;
