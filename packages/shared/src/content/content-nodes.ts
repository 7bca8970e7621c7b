import { z } from 'zod';
import { AssetHashSchema } from './asset-hash';

/*
 * The rich content document model: Slate-compatible JSON (docs/architecture.md#rich-content).
 *
 * - Every element has a kebab-case `type` and `children`; text leaves have `text`.
 * - Void elements (`image`, `formula`, `blank`) carry exactly one empty text child, as Slate requires.
 * - Marks are optional booleans, never null.
 * - Objects are exact (`z.strictObject`): this is the canonical, already-restored form.
 *   Anything from outside (imports, older stored versions) goes through `restoreItemBody`.
 */

export const TEXT_MARKS = ['bold', 'italic', 'underline', 'subscript', 'superscript'] as const;
export type TextMark = (typeof TEXT_MARKS)[number];

export const TextLeafSchema = z.strictObject({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  subscript: z.boolean().optional(),
  superscript: z.boolean().optional(),
});
export type TextLeaf = z.infer<typeof TextLeafSchema>;

/** The single child of every void element. */
export const VoidChildrenSchema = z.tuple([z.strictObject({ text: z.literal('') })]);
export type VoidChildren = z.infer<typeof VoidChildrenSchema>;

/** A blank's id, unique within one document; answers are keyed by it (matches the answer protocol). */
export const BlankIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'A blank id uses letters, digits, "_" or "-"');
export const FormulaLatexSchema = z.string().max(10_000);
export const ImageAltSchema = z.string().max(1_000);
export const ImageWidthSchema = z.int().min(1).max(4_000);

/** 公式: an inline void holding LaTeX; `display` asks for display (block) style. */
export const FormulaElementSchema = z.strictObject({
  type: z.literal('formula'),
  latex: FormulaLatexSchema,
  display: z.boolean().optional(),
  children: VoidChildrenSchema,
});
export type FormulaElement = z.infer<typeof FormulaElementSchema>;

/** 填空: an inline void marking where the candidate types an answer. */
export const BlankElementSchema = z.strictObject({
  type: z.literal('blank'),
  blankId: BlankIdSchema,
  children: VoidChildrenSchema,
});
export type BlankElement = z.infer<typeof BlankElementSchema>;

export const InlineNodeSchema = z.union([
  z.discriminatedUnion('type', [FormulaElementSchema, BlankElementSchema]),
  TextLeafSchema,
]);
export type InlineNode = z.infer<typeof InlineNodeSchema>;
export type InlineElement = FormulaElement | BlankElement;

const inlineChildren = z.array(InlineNodeSchema).min(1);

export const ParagraphElementSchema = z.strictObject({
  type: z.literal('paragraph'),
  children: inlineChildren,
});
export type ParagraphElement = z.infer<typeof ParagraphElementSchema>;

export const ListItemElementSchema = z.strictObject({
  type: z.literal('list-item'),
  children: inlineChildren,
});
export type ListItemElement = z.infer<typeof ListItemElementSchema>;

export const BulletedListElementSchema = z.strictObject({
  type: z.literal('bulleted-list'),
  children: z.array(ListItemElementSchema).min(1),
});
export type BulletedListElement = z.infer<typeof BulletedListElementSchema>;

export const NumberedListElementSchema = z.strictObject({
  type: z.literal('numbered-list'),
  children: z.array(ListItemElementSchema).min(1),
});
export type NumberedListElement = z.infer<typeof NumberedListElementSchema>;

/** A table cell; `header` renders it as a header cell (`<th>`). */
export const TableCellElementSchema = z.strictObject({
  type: z.literal('table-cell'),
  header: z.boolean().optional(),
  children: inlineChildren,
});
export type TableCellElement = z.infer<typeof TableCellElementSchema>;

export const TableRowElementSchema = z.strictObject({
  type: z.literal('table-row'),
  children: z.array(TableCellElementSchema).min(1),
});
export type TableRowElement = z.infer<typeof TableRowElementSchema>;

export const TableElementSchema = z.strictObject({
  type: z.literal('table'),
  children: z.array(TableRowElementSchema).min(1),
});
export type TableElement = z.infer<typeof TableElementSchema>;

/** 图片: a block void; the image bytes live in the asset store under `assetHash`. */
export const ImageElementSchema = z.strictObject({
  type: z.literal('image'),
  assetHash: AssetHashSchema,
  alt: ImageAltSchema,
  width: ImageWidthSchema.optional(),
  children: VoidChildrenSchema,
});
export type ImageElement = z.infer<typeof ImageElementSchema>;

/** The top-level nodes of a document. */
export const BlockElementSchema = z.discriminatedUnion('type', [
  ParagraphElementSchema,
  BulletedListElementSchema,
  NumberedListElementSchema,
  TableElementSchema,
  ImageElementSchema,
]);
export type BlockElement = z.infer<typeof BlockElementSchema>;

export type ContentElement =
  BlockElement | ListItemElement | TableRowElement | TableCellElement | InlineElement;
export type ContentElementType = ContentElement['type'];
export type ContentNode = ContentElement | TextLeaf;

export function isTextLeaf(node: ContentNode): node is TextLeaf {
  return !('type' in node);
}
