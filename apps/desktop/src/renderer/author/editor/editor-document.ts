import {
  restoreItemBody,
  TEXT_MARKS,
  type BlockElement,
  type DroppedNode,
  type ItemBody,
} from '@skillexam/shared';
import {
  INLINE_VOIDS,
  isEditorElement,
  type EditorElement,
  type EditorNode,
  type EditorText,
} from './editor-types';

/*
 * ItemBody ⇄ Slate value, as pure functions (tested with fixtures in editor-fixtures.test.ts).
 * To the editor: a deep copy where every inline void sits between text nodes (Slate's rule).
 * From the editor: marks cleaned (no `false`), neighbouring texts with the same marks merged,
 * empty texts beside inline voids removed, then `restoreItemBody` gives the canonical form.
 */

function copyNode(node: EditorNode): EditorNode {
  if (!isEditorElement(node)) return { ...node };
  return { ...node, children: padInlines(node.children.map(copyNode)) };
}

function isInlineVoid(node: EditorNode): boolean {
  return isEditorElement(node) && INLINE_VOIDS.includes(node.type);
}

/** Slate keeps a text node before, after and between inline elements. */
function padInlines(children: EditorNode[]): EditorNode[] {
  if (!children.some(isInlineVoid)) return children;
  const out: EditorNode[] = [];
  children.forEach((child, index) => {
    if (isInlineVoid(child) && (index === 0 || isInlineVoid(children[index - 1] ?? { text: '' }))) {
      out.push({ text: '' });
    }
    out.push(child);
  });
  if (isInlineVoid(out[out.length - 1] ?? { text: '' })) out.push({ text: '' });
  return out;
}

export function toEditorValue(body: ItemBody): EditorElement[] {
  return body.content.map((block) => copyNode(block as EditorNode) as EditorElement);
}

function cleanText(node: EditorText): EditorText {
  const leaf: EditorText = { text: node.text };
  for (const mark of TEXT_MARKS) if (node[mark] === true) leaf[mark] = true;
  return leaf;
}

function sameMarks(a: EditorText, b: EditorText): boolean {
  return TEXT_MARKS.every((mark) => (a[mark] === true) === (b[mark] === true));
}

/** Inline children: merged texts, no empty text next to a void, at least one child. */
function cleanInlines(children: readonly EditorNode[]): EditorNode[] {
  const merged: EditorNode[] = [];
  for (const child of children) {
    const node = isEditorElement(child) ? cleanElement(child) : cleanText(child);
    const last = merged[merged.length - 1];
    if (
      last !== undefined &&
      !isEditorElement(last) &&
      !isEditorElement(node) &&
      sameMarks(last, node)
    ) {
      merged[merged.length - 1] = { ...last, text: last.text + node.text };
    } else merged.push(node);
  }
  const kept = merged.filter((node) => isEditorElement(node) || node.text !== '');
  return kept.length === 0 ? [{ text: '' }] : kept;
}

function cleanElement(element: EditorElement): EditorElement {
  const hasInlines = element.children.some(
    (child) => !isEditorElement(child) || isInlineVoid(child),
  );
  return {
    ...element,
    children: hasInlines
      ? cleanInlines(element.children)
      : element.children.map((child) =>
          isEditorElement(child) ? cleanElement(child) : cleanText(child),
        ),
  };
}

/** Loose top-level nodes: text or inline voids at the top are wrapped in a paragraph. */
function wrapLooseInlines(nodes: readonly EditorNode[]): EditorNode[] {
  const out: EditorNode[] = [];
  let loose: EditorNode[] = [];
  const flush = () => {
    if (loose.length > 0) out.push({ type: 'paragraph', children: loose });
    loose = [];
  };
  for (const node of nodes) {
    if (!isEditorElement(node) || isInlineVoid(node)) loose.push(node);
    else {
      flush();
      out.push(node);
    }
  }
  flush();
  return out;
}

export interface EditorReadResult {
  readonly body: ItemBody;
  readonly dropped: DroppedNode[];
}

/** The editor value as a canonical ItemBody (what is saved); unusable nodes are reported. */
export function fromEditorValue(nodes: readonly EditorNode[]): EditorReadResult {
  const blocks = wrapLooseInlines(nodes).map((node) =>
    isEditorElement(node) ? cleanElement(node) : node,
  );
  const restored = restoreItemBody({ format: 'item-body', version: 1, content: blocks });
  if (!restored.ok) throw new Error(restored.error.message);
  return { body: restored.body, dropped: restored.dropped };
}

/** Normalizes an editor value: the same value an author gets after saving and reopening. */
export function normalizeEditorValue(nodes: readonly EditorNode[]): EditorElement[] {
  return toEditorValue(fromEditorValue(nodes).body);
}

/** An empty document: one empty paragraph. */
export function emptyEditorValue(): EditorElement[] {
  return [{ type: 'paragraph', children: [{ text: '' }] }];
}

export type { BlockElement };
