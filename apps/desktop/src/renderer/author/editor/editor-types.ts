import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';
import type { ContentElementType, TextMark } from '@skillexam/shared';

/*
 * The editor's node types (docs/architecture.md#rich-content): the shared content model, loosened
 * to one element shape so Slate can build intermediate states; `fromEditorValue` turns it back into
 * the canonical, validated ItemBody.
 */

export type EditorText = { text: string } & Partial<Record<TextMark, boolean>>;

export interface EditorElement {
  type: ContentElementType;
  children: EditorNode[];
  latex?: string;
  display?: boolean;
  blankId?: string;
  assetHash?: string;
  alt?: string;
  width?: number;
  header?: boolean;
}

export type EditorNode = EditorElement | EditorText;

export type AuthorEditor = BaseEditor & ReactEditor & HistoryEditor;

declare module 'slate' {
  interface CustomTypes {
    Editor: AuthorEditor;
    Element: EditorElement;
    Text: EditorText;
  }
}

export function isEditorElement(node: EditorNode): node is EditorElement {
  return 'type' in node;
}

export const INLINE_VOIDS: readonly ContentElementType[] = ['formula', 'blank'];
export const VOIDS: readonly ContentElementType[] = ['formula', 'blank', 'image'];
