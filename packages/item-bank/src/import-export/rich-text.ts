import { contentBuilders, itemBody, type InlineInput, type ItemBody } from '@skillexam/shared';
import type { BlankElement, BlockElement, InlineNode } from '@skillexam/shared';

/*
 * Plain cell text → an ItemBody document. Formulas written `$…$`, `$$…$$`, `\(…\)` or `\[…\]`
 * become formula nodes; for fill-in items the blank markers `（ ）`, `( )`, `____` become
 * blank nodes. One paragraph per line. And back: a document → cell text in the same syntax.
 */

const FORMULA = /\$\$([^$]+)\$\$|\$([^$\n]+)\$|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]/g;
/** 填空 markers: runs of 3+ underscores, or empty (half/full-width) brackets. */
const BLANK = /_{3,}|＿{2,}|[（(][\s\u3000]*[）)]/g;

export interface RichTextOptions {
  /** Turn blank markers into blank nodes (fill-in stems only). */
  blanks?: boolean;
}

function splitBlanks(value: string, out: InlineInput[], nextBlankId: () => string): void {
  let last = 0;
  for (const match of value.matchAll(BLANK)) {
    if (match.index > last) out.push(value.slice(last, match.index));
    out.push(contentBuilders.blank(nextBlankId()));
    last = match.index + match[0].length;
  }
  if (last < value.length) out.push(value.slice(last));
}

function lineInlines(
  line: string,
  options: RichTextOptions,
  nextBlankId: () => string,
): InlineInput[] {
  const out: InlineInput[] = [];
  const pushText = (value: string) => {
    if (value === '') return;
    if (options.blanks === true) splitBlanks(value, out, nextBlankId);
    else out.push(value);
  };
  let last = 0;
  for (const match of line.matchAll(FORMULA)) {
    pushText(line.slice(last, match.index));
    const display = match[1] ?? match[4];
    const inline = match[2] ?? match[3] ?? '';
    out.push(
      display !== undefined
        ? contentBuilders.formula(display.trim(), true)
        : contentBuilders.formula(inline.trim()),
    );
    last = match.index + match[0].length;
  }
  pushText(line.slice(last));
  return out;
}

/**
 * One line of text as inline nodes (formulas, and blanks when asked); plain strings become
 * unmarked text leaves. `nextBlankId` numbers blanks across a whole document.
 */
export function textToInlines(
  text: string,
  options: RichTextOptions,
  nextBlankId: () => string = () => 'b1',
): InlineNode[] {
  return lineInlines(text, options, nextBlankId).map((node) =>
    typeof node === 'string' ? contentBuilders.text(node) : node,
  );
}

/**
 * An image in cell text: `[图片:<sha256 hex>]`, optionally `[图片:<hash>|<alt>|<width>]`
 * (written by the exporters and the xlsx reader).
 */
const IMAGE_TOKEN = /\[图片:([0-9a-f]{64})(?:\|([^\]|]*))?(?:\|(\d{1,4}))?\]/g;

export function imageToken(hash: string, alt = '', width?: number): string {
  const cleanAlt = alt.replace(/[\]|\n]/g, ' ');
  if (width !== undefined) return `[图片:${hash}|${cleanAlt}|${width}]`;
  return cleanAlt === '' ? `[图片:${hash}]` : `[图片:${hash}|${cleanAlt}]`;
}

/**
 * Cell text as a document; blank ids are `b1`, `b2`, … in order of appearance. Image tokens
 * become image blocks between the paragraphs around them.
 */
export function itemBodyFromCellText(value: string, options: RichTextOptions = {}): ItemBody {
  let blankCount = 0;
  const nextBlankId = () => `b${++blankCount}`;
  const lines = value.replace(/\r\n?/g, '\n').split('\n');
  const blocks: BlockElement[] = [];
  for (const line of lines) {
    let last = 0;
    let hadImage = false;
    for (const match of line.matchAll(IMAGE_TOKEN)) {
      const before = line.slice(last, match.index).trim();
      if (before !== '') {
        blocks.push(contentBuilders.paragraph(...lineInlines(before, options, nextBlankId)));
      }
      const width = match[3] === undefined ? undefined : Number(match[3]);
      blocks.push(
        width !== undefined && width >= 1 && width <= 4000
          ? contentBuilders.image(match[1] ?? '', match[2] ?? '', width)
          : contentBuilders.image(match[1] ?? '', match[2] ?? ''),
      );
      last = match.index + match[0].length;
      hadImage = true;
    }
    const rest = hadImage ? line.slice(last).trim() : line;
    if (!hadImage || rest !== '') {
      blocks.push(contentBuilders.paragraph(...lineInlines(rest, options, nextBlankId)));
    }
  }
  return itemBody(...blocks);
}

/** Blank nodes of a document in order (fill-in stems). */
export function blankNodes(body: ItemBody): BlankElement[] {
  const found: BlankElement[] = [];
  for (const block of body.content) {
    if (block.type !== 'paragraph') continue;
    for (const node of block.children) {
      if ('type' in node && node.type === 'blank') found.push(node);
    }
  }
  return found;
}

function inlineToCellText(node: InlineInput): string {
  if (typeof node === 'string') return node;
  if (!('type' in node)) return node.text;
  if (node.type === 'blank') return '（ ）';
  return node.display === true ? `$$${node.latex}$$` : `$${node.latex}$`;
}

/**
 * A document as cell text: formulas as `$…$`, blanks as `（ ）`, images as `[图片:<hash>]`,
 * table cells separated by tabs. Marks are not kept (a cell has no rich text here).
 */
export function itemBodyToCellText(body: ItemBody): string {
  return body.content
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return block.children.map(inlineToCellText).join('');
        case 'bulleted-list':
        case 'numbered-list':
          return block.children
            .map((item) => item.children.map(inlineToCellText).join(''))
            .join('\n');
        case 'table':
          return block.children
            .map((row) =>
              row.children.map((cell) => cell.children.map(inlineToCellText).join('')).join('\t'),
            )
            .join('\n');
        case 'image':
          return imageToken(block.assetHash, block.alt, block.width);
      }
    })
    .join('\n');
}
