import { errorMessage, type ItemBody } from '@skillexam/shared';
import { message } from 'antd';
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { createEditor, Editor, Transforms, type BaseSelection, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { Editable, ReactEditor, Slate, withReact } from 'slate-react';
import { useI18n } from '../../i18n';
import { fromEditorValue, toEditorValue } from './editor-document';
import type { AuthorEditor, EditorElement } from './editor-types';
import { EditorToolbar } from './EditorToolbar';
import { FormulaDialog } from './FormulaDialog';
import { keyboardCommand } from './keyboard';
import { renderElement, renderLeaf } from './render-nodes';
import { insertFormula, insertImage, toggleMark, withItemNodes } from './with-item-nodes';

export interface RichEditorProps {
  readonly value: ItemBody;
  readonly onChange: (body: ItemBody) => void;
  readonly uploadImage: (file: File) => Promise<string>;
  readonly allowBlanks?: boolean;
  readonly placeholder?: string;
  readonly testId: string;
  /** The field's accessible name (screen readers announce it on focus). */
  readonly label: string;
  /** Alt+↑/↓ and other keys the surrounding form handles. */
  readonly onFormKey?: (event: KeyboardEvent<HTMLDivElement>) => boolean;
  readonly compact?: boolean;
}

/** A Slate editor over one ItemBody: marks, lists, tables, images, formulas, blanks. */
export function RichEditor(props: RichEditorProps) {
  const { t } = useI18n();
  const { uploadImage } = props;
  // The editor and its first value live as long as the component; remount (key) to load another
  // document. Later values come from this editor itself.
  const [editor] = useState(() =>
    withItemNodes(withHistory(withReact(createEditor())), { uploadImage }),
  );
  const [initial] = useState(() => toEditorValue(props.value) as Descendant[]);
  const fileInput = useRef<HTMLInputElement>(null);
  const savedSelection = useRef<BaseSelection>(null);
  const [formulaOpen, setFormulaOpen] = useState(false);
  const [latex, setLatex] = useState('');
  const [, setTick] = useState(0);

  const onChange = useCallback(
    (value: Descendant[]) => {
      setTick((n) => n + 1);
      // Save only changes to the document, not to the selection
      // (docs/architecture.md#rich-content).
      if (!editor.operations.some((op) => op.type !== 'set_selection')) return;
      props.onChange(fromEditorValue(value as EditorElement[]).body);
    },
    [editor, props],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Never interfere while an input method is composing (Chinese IME).
    if (event.nativeEvent.isComposing) return;
    if (props.onFormKey?.(event) === true) return;
    const command = keyboardCommand(event);
    if (command === undefined) return;
    event.preventDefault();
    if (command === 'undo') editor.undo();
    else if (command === 'redo') editor.redo();
    else toggleMark(editor, command);
  };

  /** Puts the cursor back where it was before a dialog or file picker took the focus. */
  const restoreSelection = () => {
    const saved = savedSelection.current ?? editor.selection;
    savedSelection.current = null;
    try {
      Transforms.select(editor, saved ?? Editor.end(editor, []));
    } catch {
      Transforms.select(editor, Editor.end(editor, []));
    }
  };

  const pickImage = async (file: File | undefined) => {
    if (file === undefined) return;
    try {
      const hash = await uploadImage(file);
      restoreSelection();
      insertImage(editor, hash, file.name);
      ReactEditor.focus(editor);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  return (
    <div
      className={props.compact === true ? 'author-editor compact' : 'author-editor'}
      data-testid={props.testId}
    >
      <Slate editor={editor} initialValue={initial} onChange={onChange}>
        <EditorToolbar
          editor={editor}
          testId={props.testId}
          allowBlanks={props.allowBlanks === true}
          fileInput={fileInput}
          onImageFile={(file) => void pickImage(file)}
          onKeepSelection={() => (savedSelection.current = editor.selection)}
          onFormula={() => {
            setLatex('');
            setFormulaOpen(true);
          }}
        />
        <Editable
          className="author-editable item-body"
          renderElement={renderElement}
          renderLeaf={renderLeaf}
          placeholder={props.placeholder ?? ''}
          onKeyDown={onKeyDown}
          spellCheck={false}
          aria-label={props.label}
          data-testid={`${props.testId}-input`}
        />
        {formulaOpen && (
          <FormulaDialog
            title={t('author.editor.insertFormula')}
            latex={latex}
            onChange={setLatex}
            onCancel={() => setFormulaOpen(false)}
            onOk={() => {
              setFormulaOpen(false);
              if (latex.trim() === '') return;
              restoreSelection();
              insertFormula(editor, latex.trim());
              ReactEditor.focus(editor);
            }}
          />
        )}
      </Slate>
    </div>
  );
}

export { FormulaDialog };
export type { AuthorEditor };
