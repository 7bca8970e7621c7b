import type {
  BlankElement,
  BlockElement,
  BulletedListElement,
  FormulaElement,
  ImageElement,
  InlineNode,
  ListItemElement,
  NumberedListElement,
  ParagraphElement,
  TableCellElement,
  TableElement,
  TableRowElement,
  TextLeaf,
  TextMark,
} from './content-nodes';
import { ITEM_BODY_FORMAT, ITEM_BODY_VERSION, type ItemBody } from './item-body';

/*
 * Small constructors for documents: used by importers (plain text → document) and by tests
 * and fixtures throughout the project. A plain string stands for an unmarked text leaf.
 */

export type InlineInput = InlineNode | string;

export function text(value: string, marks: readonly TextMark[] = []): TextLeaf {
  const leaf: TextLeaf = { text: value };
  for (const mark of marks) leaf[mark] = true;
  return leaf;
}

function inlines(children: readonly InlineInput[]): [InlineNode, ...InlineNode[]] {
  const nodes = children.map((child) => (typeof child === 'string' ? text(child) : child));
  const [first, ...rest] = nodes;
  return first === undefined ? [text('')] : [first, ...rest];
}

function nonEmpty<T>(items: readonly T[], what: string): [T, ...T[]] {
  const [first, ...rest] = items;
  if (first === undefined) throw new RangeError(`${what} needs at least one child`);
  return [first, ...rest];
}

export function paragraph(...children: InlineInput[]): ParagraphElement {
  return { type: 'paragraph', children: inlines(children) };
}

export function listItem(...children: InlineInput[]): ListItemElement {
  return { type: 'list-item', children: inlines(children) };
}

export function bulletedList(...items: ListItemElement[]): BulletedListElement {
  return { type: 'bulleted-list', children: nonEmpty(items, 'bulleted-list') };
}

export function numberedList(...items: ListItemElement[]): NumberedListElement {
  return { type: 'numbered-list', children: nonEmpty(items, 'numbered-list') };
}

export function tableCell(...children: InlineInput[]): TableCellElement {
  return { type: 'table-cell', children: inlines(children) };
}

export function tableHeaderCell(...children: InlineInput[]): TableCellElement {
  return { type: 'table-cell', header: true, children: inlines(children) };
}

export function tableRow(...cells: TableCellElement[]): TableRowElement {
  return { type: 'table-row', children: nonEmpty(cells, 'table-row') };
}

export function table(...rows: TableRowElement[]): TableElement {
  return { type: 'table', children: nonEmpty(rows, 'table') };
}

export function image(assetHash: string, alt = '', width?: number): ImageElement {
  const node: ImageElement = { type: 'image', assetHash, alt, children: [{ text: '' }] };
  if (width !== undefined) node.width = width;
  return node;
}

export function formula(latex: string, display?: boolean): FormulaElement {
  const node: FormulaElement = { type: 'formula', latex, children: [{ text: '' }] };
  if (display !== undefined) node.display = display;
  return node;
}

export function blank(blankId: string): BlankElement {
  return { type: 'blank', blankId, children: [{ text: '' }] };
}

/** Wraps blocks in the current envelope; no blocks gives one empty paragraph. */
export function itemBody(...blocks: BlockElement[]): ItemBody {
  const [first, ...rest] = blocks;
  return {
    format: ITEM_BODY_FORMAT,
    version: ITEM_BODY_VERSION,
    content: first === undefined ? [paragraph()] : [first, ...rest],
  };
}

/** Plain text (e.g. from a CSV import) as a document: one paragraph per line. */
export function itemBodyFromText(value: string): ItemBody {
  const lines = value.replace(/\r\n?/g, '\n').split('\n');
  return itemBody(...lines.map((line) => paragraph(line)));
}
