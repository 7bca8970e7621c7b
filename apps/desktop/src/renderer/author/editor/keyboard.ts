import type { MarkName } from './with-item-nodes';

export type EditorCommand = MarkName | 'undo' | 'redo';

interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** The editor's shortcuts: Ctrl+B/I/U, Ctrl+= (sub), Ctrl+Shift+= (super), Ctrl+Z/Y, Ctrl+Shift+Z. */
export function keyboardCommand(event: KeyLike): EditorCommand | undefined {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y') return 'redo';
  if (event.shiftKey && (key === '+' || key === '=')) return 'superscript';
  if (event.shiftKey) return undefined;
  if (key === 'b') return 'bold';
  if (key === 'i') return 'italic';
  if (key === 'u') return 'underline';
  if (key === '=') return 'subscript';
  return undefined;
}
