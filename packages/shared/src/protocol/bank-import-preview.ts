import { z } from 'zod';
import { AssetHashSchema } from '../content/asset-hash';
import { ItemBodySchema } from '../content/item-body';
import { OptionIdSchema } from '../domain/choice-option';
import { ItemTypeSchema } from '../domain/item-type';
import { BankImportIssueSchema } from './bank-import';

/*
 * What the import wizard shows before anything is written: each question read from the file as
 * the candidate will see it, with its key and 解析, and the problems of the file. item-bank's
 * `ImportPreview` is `z.infer` of this schema.
 */

export const ImportPreviewItemSchema = z.object({
  /** Where the item came from: 「paper.docx 判断题 第2题」. */
  ref: z.string(),
  type: ItemTypeSchema,
  stem: ItemBodySchema,
  options: z.array(z.object({ id: OptionIdSchema, content: ItemBodySchema })),
  /** The key as printed on a 标准答案 (简答: the reference answer as text). */
  key: z.string(),
  explanation: ItemBodySchema.optional(),
});
export type ImportPreviewItem = z.infer<typeof ImportPreviewItemSchema>;

/** At most this many questions are sent; `total` says how many the file has. */
export const IMPORT_PREVIEW_LIMIT = 200;
/** Pictures of the previewed questions are sent up to this many bytes in all. */
export const IMPORT_PREVIEW_PICTURE_BYTES = 8 * 1024 * 1024;
/** The picture types a preview carries (as the kiosk shows them; never SVG). */
export const IMPORT_PREVIEW_PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** A picture of a previewed question, not yet in the bank: by its hash, as a data URL. */
export const ImportPreviewPictureSchema = z.object({
  hash: AssetHashSchema,
  dataUrl: z.string().regex(/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]*$/),
});

export const ImportPreviewSchema = z.object({
  total: z.number().int().nonnegative(),
  items: z.array(ImportPreviewItemSchema).max(IMPORT_PREVIEW_LIMIT),
  pictures: z.array(ImportPreviewPictureSchema),
  /** Pictures left out of `pictures` (over the byte limit or of another type). */
  picturesLeftOut: z.number().int().nonnegative(),
  issues: z.array(BankImportIssueSchema),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
