import { type BankItemView, type StandardTreeNode, type TheoryLevelCode } from '@skillexam/shared';
import { Alert, Card, Col, Form, Row, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { RichEditor } from './editor/RichEditor';
import { HistoryDrawer } from './HistoryDrawer';
import { fieldIssues, issueText } from './item-editor/field-issues';
import { ItemEditorActions, ItemEditorTitle } from './item-editor/ItemEditorHeader';
import { ItemKeyFields } from './item-editor/ItemKeyFields';
import { ItemMetaFields } from './item-editor/ItemMetaFields';
import { ItemPreviewCard } from './item-editor/ItemPreviewCard';
import { useItemEditor } from './item-editor/use-item-editor';
import { useUploadImage } from './item-editor/use-upload-image';

export interface ItemEditorProps {
  readonly itemId?: string;
  readonly pointId?: string;
  readonly levels: readonly TheoryLevelCode[];
  readonly nodes: readonly StandardTreeNode[];
  readonly onSaved: (view: BankItemView) => void;
}

/**
 * The item editor: stem, options (or answer) and explanation as rich documents, with inline
 * validation from the shared schemas, a debounced autosave through the host, Ctrl+S, and the
 * candidate's preview beside it.
 */
export function ItemEditor(props: ItemEditorProps) {
  const { t } = useI18n();
  const editor = useItemEditor(props);
  const uploadImage = useUploadImage();
  const [historyOpen, setHistoryOpen] = useState(false);
  const { view, draft, issues, generation, latest, update } = editor;

  if (editor.loadError !== undefined) return <Alert type="error" message={editor.loadError} />;
  if (draft === undefined) return <Card loading />;

  const stemIssue = issueText(issues, 'stem');
  return (
    <Row gutter={16} className="author-item-editor">
      <Col span={14}>
        <Card
          size="small"
          title={<ItemEditorTitle view={view} />}
          extra={
            <ItemEditorActions
              view={view}
              saveState={editor.saveState}
              issueCount={issues.length}
              editable={editor.editable}
              onSave={() => void editor.save()}
              onHistory={() => setHistoryOpen(true)}
              onSubmit={() => void editor.submit()}
            />
          }
        >
          {!editor.editable && (
            <Alert
              type="info"
              showIcon
              message={t('author.editor.readOnly')}
              style={{ marginBottom: 12 }}
            />
          )}
          <fieldset disabled={!editor.editable} className="author-fieldset">
            <Form layout="vertical" size="small">
              <ItemMetaFields
                draft={draft}
                issues={issues}
                nodes={props.nodes}
                onChange={update}
                onTypeChanged={editor.remountEditors}
              />
              <Form.Item
                label={t('author.editor.stem')}
                validateStatus={stemIssue === undefined ? '' : 'error'}
                help={stemIssue}
              >
                <RichEditor
                  key={`stem-${generation}`}
                  testId="stem-editor"
                  label={t('author.editor.stem')}
                  value={draft.stem}
                  allowBlanks={draft.type === 'fill_blank'}
                  uploadImage={uploadImage}
                  placeholder={t('author.editor.stemPlaceholder')}
                  onChange={(stem) => update({ ...(latest.current ?? draft), stem })}
                />
              </Form.Item>
              <ItemKeyFields
                draft={draft}
                latest={latest}
                issues={issues}
                generation={generation}
                uploadImage={uploadImage}
                onChange={update}
                onReorder={editor.remountEditors}
              />
              <Form.Item label={t('author.editor.explanation')}>
                <RichEditor
                  key={`exp-${generation}`}
                  testId="explanation-editor"
                  label={t('author.editor.explanation')}
                  value={draft.explanation}
                  uploadImage={uploadImage}
                  onChange={(explanation) => update({ ...(latest.current ?? draft), explanation })}
                />
              </Form.Item>
              <Form.Item label={t('author.editor.tags')}>
                <Select
                  mode="tags"
                  aria-label={t('author.editor.tags')}
                  value={draft.tags}
                  onChange={(tags: string[]) => update({ ...draft, tags })}
                  tokenSeparators={[',', '，']}
                />
              </Form.Item>
              {fieldIssues(issues, 'other').map((issue) => (
                <Alert key={issue.message} type="error" message={issue.message} />
              ))}
            </Form>
          </fieldset>
        </Card>
      </Col>
      <Col span={10}>
        <ItemPreviewCard draft={draft} view={view} />
      </Col>
      {view !== undefined && (
        <HistoryDrawer
          open={historyOpen}
          itemId={view.item.id}
          onClose={() => setHistoryOpen(false)}
        />
      )}
    </Row>
  );
}
