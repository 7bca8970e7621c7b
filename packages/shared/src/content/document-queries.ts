import type { BlockElement, InlineNode } from './content-nodes';
import type { ItemBody } from './item-body';

/*
 * Read-only questions about a document: its plain text, its blanks, its assets, whether it is empty.
 */

/** What a blank reads as in plain text. */
export const BLANK_PLACEHOLDER = '____';

function inlineText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      if (!('type' in node)) return node.text;
      return node.type === 'formula' ? node.latex : BLANK_PLACEHOLDER;
    })
    .join('');
}

function blockText(block: BlockElement): string {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.children);
    case 'bulleted-list':
    case 'numbered-list':
      return block.children.map((item) => inlineText(item.children)).join('\n');
    case 'table':
      return block.children
        .map((row) => row.children.map((cell) => inlineText(cell.children)).join('\t'))
        .join('\n');
    case 'image':
      return block.alt;
  }
}

/**
 * The document as plain text, for search, duplicate detection and plain exports:
 * one line per paragraph or list item, table cells separated by tabs, formulas as their LaTeX,
 * blanks as `____`, images as their alt text.
 */
export function toPlainText(doc: ItemBody): string {
  return doc.content.map(blockText).join('\n');
}

function inlineContainers(block: BlockElement): readonly (readonly InlineNode[])[] {
  switch (block.type) {
    case 'paragraph':
      return [block.children];
    case 'bulleted-list':
    case 'numbered-list':
      return block.children.map((item) => item.children);
    case 'table':
      return block.children.flatMap((row) => row.children.map((cell) => cell.children));
    case 'image':
      return [];
  }
}

/** Every blank id in document order; duplicates are kept so a validator can report them. */
export function collectBlankIds(doc: ItemBody): string[] {
  return doc.content.flatMap((block) =>
    inlineContainers(block).flatMap((nodes) =>
      nodes.flatMap((node) => ('type' in node && node.type === 'blank' ? [node.blankId] : [])),
    ),
  );
}

/** Every image asset hash, once each, in document order. */
export function collectAssetHashes(doc: ItemBody): string[] {
  const hashes = doc.content.flatMap((block) => (block.type === 'image' ? [block.assetHash] : []));
  return [...new Set(hashes)];
}

/** True when the document shows nothing: only whitespace text, no image, formula or blank. */
export function isEmptyItemBody(doc: ItemBody): boolean {
  return doc.content.every(
    (block) =>
      inlineContainers(block).every((nodes) =>
        nodes.every((node) => !('type' in node) && node.text.trim() === ''),
      ) && block.type !== 'image',
  );
}
