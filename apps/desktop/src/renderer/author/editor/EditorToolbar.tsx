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
import { Button, Space, Tooltip } from 'antd';
import { type ReactNode, type RefObject } from 'react';
import { useI18n } from '../../i18n';
import type { AuthorEditor } from './editor-types';
import {
  insertBlank,
  insertTable,
  isListActive,
  isMarkActive,
  toggleList,
  toggleMark,
  type MarkName,
} from './with-item-nodes';

interface Props {
  readonly editor: AuthorEditor;
  readonly testId: string;
  readonly allowBlanks: boolean;
  /** The hidden image file input; the image button opens it. */
  readonly fileInput: RefObject<HTMLInputElement | null>;
  readonly onImageFile: (file: File | undefined) => void;
  /** Remembers the selection before a dialog or file picker takes the focus. */
  readonly onKeepSelection: () => void;
  readonly onFormula: () => void;
}

/** Marks, lists, table, image, formula and (fill-in stems) blank buttons above the editor. */
export function EditorToolbar({ editor, testId, fileInput, ...props }: Props) {
  const { t } = useI18n();
  const markButton = (mark: MarkName, icon: ReactNode, label: string) => (
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

  return (
    <Space size={2} wrap className="author-toolbar">
      {markButton('bold', <BoldOutlined />, t('author.editor.bold'))}
      {markButton('italic', <ItalicOutlined />, t('author.editor.italic'))}
      {markButton('underline', <UnderlineOutlined />, t('author.editor.underline'))}
      {markButton(
        'subscript',
        <span className="author-tool-text">x₂</span>,
        `x₂ ${t('author.editor.subscript')}`,
      )}
      {markButton(
        'superscript',
        <span className="author-tool-text">x²</span>,
        `x² ${t('author.editor.superscript')}`,
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
          data-testid={`${testId}-image`}
          onMouseDown={props.onKeepSelection}
          onClick={() => fileInput.current?.click()}
        />
      </Tooltip>
      <Tooltip title={t('author.editor.formula')}>
        <Button
          size="small"
          type="text"
          icon={<FunctionOutlined />}
          aria-label={t('author.editor.formula')}
          data-testid={`${testId}-formula`}
          onMouseDown={(e) => {
            e.preventDefault();
            props.onKeepSelection();
            props.onFormula();
          }}
        />
      </Tooltip>
      {props.allowBlanks && (
        <Button
          size="small"
          type="text"
          data-testid={`${testId}-blank`}
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
        data-testid={`${testId}-file`}
        onChange={(event) => {
          props.onImageFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
    </Space>
  );
}
