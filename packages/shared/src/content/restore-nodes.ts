import { AssetHashSchema } from './asset-hash';
import {
  BlankIdSchema,
  FormulaLatexSchema,
  ImageAltSchema,
  ImageWidthSchema,
  TEXT_MARKS,
  type BlockElement,
  type InlineNode,
  type ListItemElement,
  type TableCellElement,
  type TableRowElement,
  type TextLeaf,
} from './content-nodes';

/*
 * Lenient reading of untrusted content JSON. Each reader rebuilds a node from its known fields
 * only, so unknown attributes disappear, and returns `undefined` (recording why) for a node it
 * cannot use: an unknown `type`, a node in the wrong place, or a void without its key attribute.
 * Containers that lose all their children are dropped too; inline containers get an empty text.
 */

/** A node that restore removed, with its path in the input (indexes into `children`). */
export interface DroppedNode {
  readonly path: readonly number[];
  readonly reason: string;
}

type Path = readonly number[];
type Drops = DroppedNode[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: Record<string, unknown>): unknown[] {
  return Array.isArray(node.children) ? node.children : [];
}

function describe(value: unknown): string {
  if (isRecord(value) && typeof value.type === 'string') return `"${value.type.slice(0, 40)}"`;
  if (isRecord(value)) return 'an object without a type';
  return Array.isArray(value) ? 'an array' : typeof value;
}

function drop(drops: Drops, path: Path, reason: string): undefined {
  drops.push({ path, reason });
  return undefined;
}

function restoreTextLeaf(raw: Record<string, unknown>): TextLeaf | undefined {
  if (typeof raw.text !== 'string') return undefined;
  const leaf: TextLeaf = { text: raw.text };
  for (const mark of TEXT_MARKS) {
    const value = raw[mark];
    if (typeof value === 'boolean') leaf[mark] = value;
  }
  return leaf;
}

function restoreInline(raw: unknown, path: Path, drops: Drops): InlineNode | undefined {
  if (!isRecord(raw)) return drop(drops, path, `expected an inline node, got ${describe(raw)}`);
  if (raw.type === undefined) {
    return restoreTextLeaf(raw) ?? drop(drops, path, 'text leaf without a string "text"');
  }
  switch (raw.type) {
    case 'formula': {
      const latex = FormulaLatexSchema.safeParse(raw.latex);
      if (!latex.success) return drop(drops, path, 'formula without a valid "latex"');
      return typeof raw.display === 'boolean'
        ? { type: 'formula', latex: latex.data, display: raw.display, children: [{ text: '' }] }
        : { type: 'formula', latex: latex.data, children: [{ text: '' }] };
    }
    case 'blank': {
      const blankId = BlankIdSchema.safeParse(raw.blankId);
      if (!blankId.success) return drop(drops, path, 'blank without a valid "blankId"');
      return { type: 'blank', blankId: blankId.data, children: [{ text: '' }] };
    }
    default:
      return drop(drops, path, `unknown or misplaced inline node ${describe(raw)}`);
  }
}

function restoreInlines(
  parent: Record<string, unknown>,
  path: Path,
  drops: Drops,
): [InlineNode, ...InlineNode[]] {
  const nodes: InlineNode[] = [];
  childrenOf(parent).forEach((child, index) => {
    const node = restoreInline(child, [...path, index], drops);
    if (node !== undefined) nodes.push(node);
  });
  const [first, ...rest] = nodes;
  return first === undefined ? [{ text: '' }] : [first, ...rest];
}

function restoreMany<T>(
  parent: Record<string, unknown>,
  path: Path,
  drops: Drops,
  restoreChild: (raw: unknown, path: Path, drops: Drops) => T | undefined,
): [T, ...T[]] | undefined {
  const nodes: T[] = [];
  childrenOf(parent).forEach((child, index) => {
    const node = restoreChild(child, [...path, index], drops);
    if (node !== undefined) nodes.push(node);
  });
  const [first, ...rest] = nodes;
  return first === undefined ? undefined : [first, ...rest];
}

function restoreListItem(raw: unknown, path: Path, drops: Drops): ListItemElement | undefined {
  if (!isRecord(raw) || raw.type !== 'list-item') {
    return drop(drops, path, `expected a list-item, got ${describe(raw)}`);
  }
  return { type: 'list-item', children: restoreInlines(raw, path, drops) };
}

function restoreTableCell(raw: unknown, path: Path, drops: Drops): TableCellElement | undefined {
  if (!isRecord(raw) || raw.type !== 'table-cell') {
    return drop(drops, path, `expected a table-cell, got ${describe(raw)}`);
  }
  const children = restoreInlines(raw, path, drops);
  return raw.header === true
    ? { type: 'table-cell', header: true, children }
    : { type: 'table-cell', children };
}

function restoreTableRow(raw: unknown, path: Path, drops: Drops): TableRowElement | undefined {
  if (!isRecord(raw) || raw.type !== 'table-row') {
    return drop(drops, path, `expected a table-row, got ${describe(raw)}`);
  }
  const cells = restoreMany(raw, path, drops, restoreTableCell);
  return cells === undefined
    ? drop(drops, path, 'table-row without cells')
    : { type: 'table-row', children: cells };
}

export function restoreBlock(raw: unknown, path: Path, drops: Drops): BlockElement | undefined {
  if (!isRecord(raw)) return drop(drops, path, `expected a block, got ${describe(raw)}`);
  switch (raw.type) {
    case 'paragraph':
      return { type: 'paragraph', children: restoreInlines(raw, path, drops) };
    case 'bulleted-list':
    case 'numbered-list': {
      const items = restoreMany(raw, path, drops, restoreListItem);
      return items === undefined
        ? drop(drops, path, `${raw.type} without list items`)
        : { type: raw.type, children: items };
    }
    case 'table': {
      const rows = restoreMany(raw, path, drops, restoreTableRow);
      return rows === undefined
        ? drop(drops, path, 'table without rows')
        : { type: 'table', children: rows };
    }
    case 'image': {
      const assetHash = AssetHashSchema.safeParse(raw.assetHash);
      if (!assetHash.success) return drop(drops, path, 'image without a valid "assetHash"');
      const alt = ImageAltSchema.safeParse(raw.alt);
      const width = ImageWidthSchema.safeParse(raw.width);
      return {
        type: 'image',
        assetHash: assetHash.data,
        alt: alt.success ? alt.data : '',
        ...(width.success ? { width: width.data } : {}),
        children: [{ text: '' }],
      };
    }
    default:
      return drop(drops, path, `unknown or misplaced block ${describe(raw)}`);
  }
}
