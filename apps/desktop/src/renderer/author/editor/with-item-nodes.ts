import { Editor, Element, Transforms } from 'slate';
import { normalizeEditorValue } from './editor-document';
import { INLINE_VOIDS, VOIDS, type AuthorEditor, type EditorElement } from './editor-types';
import { htmlToEditorBlocks } from './html-paste';

export interface ItemNodeOptions {
  /** Stores a pasted or dropped image in the bank; resolves to its asset hash. */
  readonly uploadImage: (file: File) => Promise<string>;
}

/**
 * The item-content plugin: formulas and blanks are inline voids, images block voids; pasted
 * HTML goes through the Word-aware paste rules; pasted or dropped image files are uploaded and
 * inserted as image nodes.
 */
export function withItemNodes(editor: AuthorEditor, options: ItemNodeOptions): AuthorEditor {
  const { isInline, isVoid, insertData, markableVoid } = editor;
  editor.isInline = (element) => INLINE_VOIDS.includes(element.type) || isInline(element);
  editor.isVoid = (element) => VOIDS.includes(element.type) || isVoid(element);
  editor.markableVoid = (element) => element.type === 'formula' || markableVoid(element);
  editor.insertData = (data) => {
    const images = [...data.files].filter((file) => /^image\/(png|jpeg|gif|webp)$/.test(file.type));
    if (images.length > 0) {
      for (const file of images) {
        void options.uploadImage(file).then((hash) => insertImage(editor, hash, file.name));
      }
      return;
    }
    const html = data.getData('text/html');
    if (html !== '') {
      const blocks = normalizeEditorValue(htmlToEditorBlocks(html));
      if (blocks.length > 0) {
        Transforms.insertFragment(editor, blocks);
        return;
      }
    }
    insertData(data);
  };
  return editor;
}

export function insertImage(editor: AuthorEditor, assetHash: string, alt = ''): void {
  const image: EditorElement = {
    type: 'image',
    assetHash,
    alt: alt.slice(0, 200),
    children: [{ text: '' }],
  };
  Transforms.insertNodes(editor, [image, { type: 'paragraph', children: [{ text: '' }] }]);
}

export function insertFormula(editor: AuthorEditor, latex: string, display = false): void {
  const formula: EditorElement = {
    type: 'formula',
    latex,
    ...(display ? { display: true } : {}),
    children: [{ text: '' }],
  };
  Transforms.insertNodes(editor, formula);
  Transforms.move(editor);
}

/** Inserts a blank with the next free id (b1, b2, …). */
export function insertBlank(editor: AuthorEditor): string {
  const used = new Set(
    [
      ...Editor.nodes(editor, {
        at: [],
        match: (node) => Element.isElement(node) && node.type === 'blank',
      }),
    ].map(([node]) => (Element.isElement(node) ? node.blankId : undefined)),
  );
  let n = 1;
  while (used.has(`b${n}`)) n += 1;
  const blankId = `b${n}`;
  Transforms.insertNodes(editor, { type: 'blank', blankId, children: [{ text: '' }] });
  Transforms.move(editor);
  return blankId;
}

export function insertTable(editor: AuthorEditor, rows: number, columns: number): void {
  const table: EditorElement = {
    type: 'table',
    children: Array.from({ length: rows }, (_, r) => ({
      type: 'table-row' as const,
      children: Array.from({ length: columns }, () => ({
        type: 'table-cell' as const,
        ...(r === 0 ? { header: true } : {}),
        children: [{ text: '' }],
      })),
    })),
  };
  Transforms.insertNodes(editor, [table, { type: 'paragraph', children: [{ text: '' }] }]);
}

export type MarkName = 'bold' | 'italic' | 'underline' | 'subscript' | 'superscript';

export function isMarkActive(editor: AuthorEditor, mark: MarkName): boolean {
  return Editor.marks(editor)?.[mark] === true;
}

export function toggleMark(editor: AuthorEditor, mark: MarkName): void {
  if (isMarkActive(editor, mark)) Editor.removeMark(editor, mark);
  else {
    // Sub- and superscript exclude each other.
    if (mark === 'subscript') Editor.removeMark(editor, 'superscript');
    if (mark === 'superscript') Editor.removeMark(editor, 'subscript');
    Editor.addMark(editor, mark, true);
  }
}

export function isListActive(
  editor: AuthorEditor,
  kind: 'bulleted-list' | 'numbered-list',
): boolean {
  const [match] = Editor.nodes(editor, {
    match: (node) => Element.isElement(node) && node.type === kind,
  });
  return match !== undefined;
}

/** Paragraph ⇄ list item, wrapping in (or unwrapping from) a list of the given kind. */
export function toggleList(editor: AuthorEditor, kind: 'bulleted-list' | 'numbered-list'): void {
  const active = isListActive(editor, kind);
  Transforms.unwrapNodes(editor, {
    match: (node) =>
      Element.isElement(node) && (node.type === 'bulleted-list' || node.type === 'numbered-list'),
    split: true,
  });
  Transforms.setNodes(
    editor,
    { type: active ? 'paragraph' : 'list-item' },
    {
      match: (node) =>
        Element.isElement(node) && (node.type === 'paragraph' || node.type === 'list-item'),
    },
  );
  if (!active) Transforms.wrapNodes(editor, { type: kind, children: [] });
}
