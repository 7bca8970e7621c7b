import {
  BoldOutlined,
  FunctionOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  PictureOutlined,
  TableOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ItemBody } from '@skillexam/shared';
import { Button, Input, Modal, Space, Tooltip, message } from 'antd';
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { createEditor, Editor, Transforms, type BaseSelection, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import {
  Editable,
  ReactEditor,
  Slate,
  useSelected,
  useSlateStatic,
  withReact,
  type RenderElementProps,
  type RenderLeafProps,
} from 'slate-react';
import { useI18n } from '../../i18n';
import { useAssetUrls } from '../asset-cache';
import { renderFormula } from '../ItemPreview';
import { fromEditorValue, toEditorValue } from './editor-document';
import type { AuthorEditor, EditorElement } from './editor-types';
import { keyboardCommand } from './keyboard';
import {
  insertBlank,
  insertFormula,
  insertImage,
  insertTable,
  isListActive,
  isMarkActive,
  toggleList,
  toggleMark,
  withItemNodes,
  type MarkName,
} from './with-item-nodes';

export interface RichEditorProps {
  readonly value: ItemBody;
  readonly onChange: (body: ItemBody) => void;
  readonly uploadImage: (file: File) => Promise<string>;
  readonly allowBlanks?: boolean;
  readonly placeholder?: string;
  readonly testId: string;
  /** Alt+↑/↓ and other keys the surrounding form handles. */
  readonly onFormKey?: (event: KeyboardEvent<HTMLDivElement>) => boolean;
  readonly compact?: boolean;
}

function FormulaElement({ attributes, children, element }: RenderElementProps) {
  const editor = useSlateStatic();
  const selected = useSelected();
  const [open, setOpen] = useState(false);
  const [latex, setLatex] = useState(element.latex ?? '');
  const { t } = useI18n();
  const save = () => {
    Transforms.setNodes(editor, { latex }, { at: ReactEditor.findPath(editor, element) });
    setOpen(false);
  };
  return (
    <span {...attributes} className={selected ? 'author-formula selected' : 'author-formula'}>
      <span
        contentEditable={false}
        data-testid="editor-formula"
        title={element.latex}
        onDoubleClick={() => setOpen(true)}
        dangerouslySetInnerHTML={{
          __html: renderFormula(element.latex ?? '', element.display === true),
        }}
      />
      {children}
      {open && (
        <FormulaDialog
          title={t('author.editor.editFormula')}
          latex={latex}
          onChange={setLatex}
          onOk={save}
          onCancel={() => setOpen(false)}
        />
      )}
    </span>
  );
}

function BlankElement({ attributes, children, element }: RenderElementProps) {
  const selected = useSelected();
  return (
    <span {...attributes} className={selected ? 'author-blank selected' : 'author-blank'}>
      <span contentEditable={false} data-testid="editor-blank">
        ____<sub>{element.blankId}</sub>
      </span>
      {children}
    </span>
  );
}

function ImageElement({ attributes, children, element }: RenderElementProps) {
  const selected = useSelected();
  const url = useAssetUrls(element.assetHash === undefined ? [] : [element.assetHash]);
  return (
    <div {...attributes}>
      <div contentEditable={false} className={selected ? 'author-image selected' : 'author-image'}>
        <img
          src={element.assetHash === undefined ? '' : url(element.assetHash)}
          alt={element.alt ?? ''}
          data-testid="editor-image"
        />
      </div>
      {children}
    </div>
  );
}

function renderElement(props: RenderElementProps) {
  const { attributes, children, element } = props;
  switch (element.type) {
    case 'formula':
      return <FormulaElement {...props} />;
    case 'blank':
      return <BlankElement {...props} />;
    case 'image':
      return <ImageElement {...props} />;
    case 'bulleted-list':
      return <ul {...attributes}>{children}</ul>;
    case 'numbered-list':
      return <ol {...attributes}>{children}</ol>;
    case 'list-item':
      return <li {...attributes}>{children}</li>;
    case 'table':
      return (
        <table {...attributes} className="rc-table">
          <tbody>{children}</tbody>
        </table>
      );
    case 'table-row':
      return <tr {...attributes}>{children}</tr>;
    case 'table-cell':
      return element.header === true ? (
        <th {...attributes}>{children}</th>
      ) : (
        <td {...attributes}>{children}</td>
      );
    default:
      return <p {...attributes}>{children}</p>;
  }
}

function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.bold === true) out = <strong>{out}</strong>;
  if (leaf.italic === true) out = <em>{out}</em>;
  if (leaf.underline === true) out = <u>{out}</u>;
  if (leaf.subscript === true) out = <sub>{out}</sub>;
  if (leaf.superscript === true) out = <sup>{out}</sup>;
  return <span {...attributes}>{out}</span>;
}

export function FormulaDialog(props: {
  readonly title: string;
  readonly latex: string;
  readonly onChange: (latex: string) => void;
  readonly onOk: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={props.title}
      onOk={props.onOk}
      onCancel={props.onCancel}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Input.TextArea
        autoFocus
        data-testid="formula-input"
        value={props.latex}
        rows={3}
        placeholder="\\frac{U}{R}"
        onChange={(event) => props.onChange(event.target.value)}
      />
      <div
        className="author-formula-preview"
        data-testid="formula-preview"
        dangerouslySetInnerHTML={{ __html: renderFormula(props.latex, true) }}
      />
    </Modal>
  );
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
      // Save only changes to the document, not to the selection (CONVENTIONS.md §12).
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

  const markButton = (mark: MarkName, icon: React.ReactNode, label: string) => (
    <Tooltip title={label}>
      <Button
        size="small"
        type={isMarkActive(editor, mark) ? 'primary' : 'text'}
        icon={icon}
        aria-label={label}
        onMouseDown={(event) => {
          event.preventDefault();
          toggleMark(editor, mark);
        }}
      />
    </Tooltip>
  );

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
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <div
      className={props.compact === true ? 'author-editor compact' : 'author-editor'}
      data-testid={props.testId}
    >
      <Slate editor={editor} initialValue={initial} onChange={onChange}>
        <Space size={2} wrap className="author-toolbar">
          {markButton('bold', <BoldOutlined />, t('author.editor.bold'))}
          {markButton('italic', <ItalicOutlined />, t('author.editor.italic'))}
          {markButton('underline', <UnderlineOutlined />, t('author.editor.underline'))}
          {markButton(
            'subscript',
            <span className="author-tool-text">x₂</span>,
            t('author.editor.subscript'),
          )}
          {markButton(
            'superscript',
            <span className="author-tool-text">x²</span>,
            t('author.editor.superscript'),
          )}
          <Tooltip title={t('author.editor.bulletedList')}>
            <Button
              size="small"
              type={isListActive(editor, 'bulleted-list') ? 'primary' : 'text'}
              icon={<UnorderedListOutlined />}
              aria-label={t('author.editor.bulletedList')}
              onMouseDown={(e) => {
                e.preventDefault();
                toggleList(editor, 'bulleted-list');
              }}
            />
          </Tooltip>
          <Tooltip title={t('author.editor.numberedList')}>
            <Button
              size="small"
              type={isListActive(editor, 'numbered-list') ? 'primary' : 'text'}
              icon={<OrderedListOutlined />}
              aria-label={t('author.editor.numberedList')}
              onMouseDown={(e) => {
                e.preventDefault();
                toggleList(editor, 'numbered-list');
              }}
            />
          </Tooltip>
          <Tooltip title={t('author.editor.table')}>
            <Button
              size="small"
              type="text"
              icon={<TableOutlined />}
              aria-label={t('author.editor.table')}
              onMouseDown={(e) => {
                e.preventDefault();
                insertTable(editor, 2, 2);
              }}
            />
          </Tooltip>
          <Tooltip title={t('author.editor.image')}>
            <Button
              size="small"
              type="text"
              icon={<PictureOutlined />}
              aria-label={t('author.editor.image')}
              data-testid={`${props.testId}-image`}
              onMouseDown={() => (savedSelection.current = editor.selection)}
              onClick={() => fileInput.current?.click()}
            />
          </Tooltip>
          <Tooltip title={t('author.editor.formula')}>
            <Button
              size="small"
              type="text"
              icon={<FunctionOutlined />}
              aria-label={t('author.editor.formula')}
              data-testid={`${props.testId}-formula`}
              onMouseDown={(e) => {
                e.preventDefault();
                savedSelection.current = editor.selection;
                setLatex('');
                setFormulaOpen(true);
              }}
            />
          </Tooltip>
          {props.allowBlanks === true && (
            <Button
              size="small"
              type="text"
              data-testid={`${props.testId}-blank`}
              onMouseDown={(e) => {
                e.preventDefault();
                insertBlank(editor);
              }}
            >
              {t('author.editor.blank')}
            </Button>
          )}
          <input
            ref={fileInput}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/webp"
            style={{ display: 'none' }}
            data-testid={`${props.testId}-file`}
            onChange={(event) => {
              void pickImage(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </Space>
        <Editable
          className="author-editable item-body"
          renderElement={renderElement}
          renderLeaf={renderLeaf}
          placeholder={props.placeholder ?? ''}
          onKeyDown={onKeyDown}
          spellCheck={false}
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

export type { AuthorEditor };
