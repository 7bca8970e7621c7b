import { useState } from 'react';
import { Transforms } from 'slate';
import {
  ReactEditor,
  useSelected,
  useSlateStatic,
  type RenderElementProps,
  type RenderLeafProps,
} from 'slate-react';
import { useI18n } from '../../i18n';
import { useAssetUrls } from '../asset-cache';
import { renderFormula } from '../ItemPreview';
import { FormulaDialog } from './FormulaDialog';

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

/** How each node of the editor's document is drawn. */
export function renderElement(props: RenderElementProps) {
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

/** How marked text (bold, italic, underline, sub/superscript) is drawn. */
export function renderLeaf({ attributes, children, leaf }: RenderLeafProps) {
  let out = children;
  if (leaf.bold === true) out = <strong>{out}</strong>;
  if (leaf.italic === true) out = <em>{out}</em>;
  if (leaf.underline === true) out = <u>{out}</u>;
  if (leaf.subscript === true) out = <sub>{out}</sub>;
  if (leaf.superscript === true) out = <sup>{out}</sup>;
  return <span {...attributes}>{out}</span>;
}
