import { HistoryOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import {
  ITEM_TYPES,
  collectBlankIds,
  type BankItemView,
  type ItemType,
  type StandardTreeNode,
  type TheoryLevelCode,
} from '@skillexam/shared';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Radio,
  Rate,
  Row,
  Select,
  Space,
  Tag,
  TreeSelect,
  Typography,
  message,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { useAssetCache } from './asset-cache';
import { bank, errorMessage, fileToBase64 } from './author-api';
import { RichEditor } from './editor/RichEditor';
import { HistoryDrawer } from './HistoryDrawer';
import {
  changeType,
  contentFromDraft,
  draftFromItem,
  newDraft,
  validateDraft,
  type ItemDraft,
} from './item-draft';
import { ItemPreview } from './ItemPreview';
import { OptionEditor } from './OptionEditor';
import { buildTreeData } from './standard-tree-data';
import { StatusTag } from './StatusTag';

const AUTOSAVE_MS = 1200;
const LOCAL_DRAFT_PREFIX = 'skillexam.author.draft.';

type SaveState = 'saved' | 'dirty' | 'saving' | 'invalid' | 'error';

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
  const assets = useAssetCache();
  const [view, setView] = useState<BankItemView>();
  const [draft, setDraft] = useState<ItemDraft>();
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [generation, setGeneration] = useState(0);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saving = useRef(false);
  const latest = useRef<ItemDraft | undefined>(undefined);

  useEffect(() => {
    setLoadError(undefined);
    if (props.itemId === undefined) {
      const level = props.levels[0] ?? 4;
      setDraft(newDraft('single_choice', props.pointId ?? '', level));
      setView(undefined);
      setSaveState('dirty');
      return;
    }
    bank('bank:getItem', { id: props.itemId }).then(
      (loaded) => {
        setView(loaded);
        setDraft(draftFromItem(loaded.item));
        setSaveState('saved');
        setGeneration((n) => n + 1);
      },
      (error: unknown) => setLoadError(errorMessage(error)),
    );
  }, [props.itemId, props.pointId, props.levels]);

  const issues = useMemo(() => (draft === undefined ? [] : validateDraft(draft)), [draft]);
  const editable = view === undefined || !['in_review', 'retired'].includes(view.item.reviewStatus);

  const save = useCallback(async (): Promise<BankItemView | undefined> => {
    const current = latest.current;
    if (current === undefined || saving.current) return undefined;
    if (validateDraft(current).length > 0) {
      setSaveState('invalid');
      window.localStorage.setItem(
        LOCAL_DRAFT_PREFIX + (current.id ?? 'new'),
        JSON.stringify(current),
      );
      return undefined;
    }
    saving.current = true;
    setSaveState('saving');
    try {
      const result = await bank('bank:saveItem', {
        ...(current.id === undefined ? {} : { id: current.id }),
        content: contentFromDraft(current),
        tags: current.tags,
      });
      window.localStorage.removeItem(LOCAL_DRAFT_PREFIX + (current.id ?? 'new'));
      setView(result.item);
      if (latest.current === current) setSaveState('saved');
      else setSaveState('dirty');
      if (current.id === undefined) {
        const withId = { ...current, id: result.item.item.id };
        latest.current = withId;
        setDraft(withId);
      }
      if (result.newVersion)
        void message.info(t('author.editor.newVersion', { version: result.item.item.version }));
      if (result.nearDuplicates.length > 0) {
        void message.warning(
          t('author.editor.nearDuplicates', {
            ids: result.nearDuplicates.map((d) => d.id).join('、'),
          }),
        );
      }
      props.onSaved(result.item);
      return result.item;
    } catch (error) {
      setSaveState('error');
      void message.error(errorMessage(error));
      return undefined;
    } finally {
      saving.current = false;
    }
  }, [props, t]);

  const update = (next: ItemDraft) => {
    latest.current = next;
    setDraft(next);
    setSaveState('dirty');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  };
  useEffect(() => {
    latest.current = draft;
  }, [draft]);
  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        clearTimeout(timer.current);
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const uploadImage = useCallback(
    async (file: File) => {
      const mime = file.type as 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
      const data = await fileToBase64(file);
      const { hash } = await bank('bank:putAsset', { mime, data });
      assets.put(hash, `data:${mime};base64,${data}`);
      return hash;
    },
    [assets],
  );

  const submit = async () => {
    clearTimeout(timer.current);
    const saved = saveState === 'saved' ? view : await save();
    if (saved === undefined) return;
    try {
      const { results } = await bank('bank:review', { ids: [saved.item.id], action: 'submit' });
      const result = results[0];
      if (result?.ok === true) {
        void message.success(t('author.editor.submitted'));
        const reloaded = await bank('bank:getItem', { id: saved.item.id });
        setView(reloaded);
        props.onSaved(reloaded);
      } else void message.error(result?.error ?? '');
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const treeData = useMemo(() => buildTreeData(props.nodes, { pointsOnly: true }), [props.nodes]);
  // An imported item without a 鉴定点 sits in its standard's 未分类 pool (docs/decisions/0640),
  // whose point is not in the tree: show that, not its id; picking a point classifies it.
  const pooled = draft?.assessmentPointId.endsWith(':_unclassified') === true;

  if (loadError !== undefined) return <Alert type="error" message={loadError} />;
  if (draft === undefined) return <Card loading />;

  const fieldIssues = (field: string) => issues.filter((issue) => issue.field === field);
  const issueText = (field: string) => {
    const list = fieldIssues(field);
    return list.length === 0 ? undefined : list.map((issue) => issue.message).join('；');
  };
  const blankIds = draft.type === 'fill_blank' ? collectBlankIds(draft.stem) : [];
  const saveLabel: Record<SaveState, string> = {
    saved: t('author.editor.state.saved'),
    dirty: t('author.editor.state.dirty'),
    saving: t('author.editor.state.saving'),
    invalid: t('author.editor.state.invalid', { count: issues.length }),
    error: t('author.editor.state.error'),
  };

  return (
    <Row gutter={16} className="author-item-editor">
      <Col span={14}>
        <Card
          size="small"
          title={
            <Space>
              {view === undefined
                ? t('author.editor.newItem')
                : `${t('author.editor.item')} ${view.item.id.slice(0, 8)} · v${view.item.version}`}
              {view !== undefined && <StatusTag status={view.item.reviewStatus} />}
            </Space>
          }
          extra={
            <Space>
              <Tag
                color={
                  saveState === 'saved'
                    ? 'green'
                    : saveState === 'invalid' || saveState === 'error'
                      ? 'red'
                      : 'blue'
                }
                data-testid="save-state"
              >
                {saveLabel[saveState]}
              </Tag>
              <Button
                icon={<SaveOutlined />}
                onClick={() => void save()}
                disabled={!editable}
                data-testid="save-item"
              >
                {t('common.save')} (Ctrl+S)
              </Button>
              <Button
                icon={<HistoryOutlined />}
                disabled={view === undefined}
                onClick={() => setHistoryOpen(true)}
                data-testid="open-history"
              >
                {t('author.history.title')}
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                disabled={
                  !editable ||
                  (view !== undefined &&
                    view.item.reviewStatus !== 'draft' &&
                    saveState === 'saved')
                }
                onClick={() => void submit()}
                data-testid="submit-item"
              >
                {t('author.review.submit')}
              </Button>
            </Space>
          }
        >
          {!editable && (
            <Alert
              type="info"
              showIcon
              message={t('author.editor.readOnly')}
              style={{ marginBottom: 12 }}
            />
          )}
          <fieldset disabled={!editable} className="author-fieldset">
            <Form layout="vertical" size="small">
              <Row gutter={12}>
                <Col span={8}>
                  <Form.Item label={t('author.editor.type')}>
                    <Select<ItemType>
                      value={draft.type}
                      data-testid="item-type"
                      onChange={(type) => {
                        update(changeType(draft, type));
                        setGeneration((n) => n + 1);
                      }}
                      options={ITEM_TYPES.map((type) => ({
                        value: type,
                        label: t(`itemType.${type}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item
                    label={t('author.editor.point')}
                    validateStatus={issueText('assessmentPointId') === undefined ? '' : 'error'}
                    help={issueText('assessmentPointId')}
                  >
                    <TreeSelect
                      showSearch
                      treeNodeFilterProp="title"
                      {...(draft.assessmentPointId === '' || pooled
                        ? {}
                        : { value: draft.assessmentPointId })}
                      treeData={treeData}
                      treeDefaultExpandAll
                      placeholder={t(
                        pooled ? 'author.editor.unclassified' : 'author.editor.pickPoint',
                      )}
                      data-testid="item-point"
                      onChange={(value: string) => update({ ...draft, assessmentPointId: value })}
                    />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label={t('author.editor.difficulty')}>
                    <Rate
                      count={5}
                      value={draft.difficulty}
                      onChange={(difficulty) =>
                        update({ ...draft, difficulty: Math.max(1, difficulty) })
                      }
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                label={t('author.editor.stem')}
                validateStatus={issueText('stem') === undefined ? '' : 'error'}
                help={issueText('stem')}
              >
                <RichEditor
                  key={`stem-${generation}`}
                  testId="stem-editor"
                  value={draft.stem}
                  allowBlanks={draft.type === 'fill_blank'}
                  uploadImage={uploadImage}
                  placeholder={t('author.editor.stemPlaceholder')}
                  onChange={(stem) => update({ ...(latest.current ?? draft), stem })}
                />
              </Form.Item>
              {(draft.type === 'single_choice' || draft.type === 'multiple_choice') && (
                <Form.Item
                  label={t('author.editor.options')}
                  validateStatus={issueText('key') === undefined ? '' : 'error'}
                  help={issueText('key') ?? t('author.editor.optionsHelp')}
                >
                  <OptionEditor
                    draft={draft}
                    onChange={update}
                    uploadImage={uploadImage}
                    issues={issues}
                    generation={generation}
                    onReorder={() => setGeneration((n) => n + 1)}
                  />
                </Form.Item>
              )}
              {draft.type === 'true_false' && (
                <Form.Item label={t('author.editor.key')}>
                  <Radio.Group
                    value={draft.trueFalse}
                    onChange={(event) =>
                      update({ ...draft, trueFalse: event.target.value === true })
                    }
                    data-testid="true-false-key"
                  >
                    <Radio value>√ {t('author.editor.true')}</Radio>
                    <Radio value={false}>× {t('author.editor.false')}</Radio>
                  </Radio.Group>
                </Form.Item>
              )}
              {draft.type === 'fill_blank' && (
                <Form.Item
                  label={t('author.editor.blankAnswers')}
                  validateStatus={issueText('key') === undefined ? '' : 'error'}
                  help={issueText('key') ?? t('author.editor.blankAnswersHelp')}
                >
                  {blankIds.length === 0 && (
                    <Typography.Text type="secondary">
                      {t('author.editor.noBlanks')}
                    </Typography.Text>
                  )}
                  {blankIds.map((id) => (
                    <Input
                      key={id}
                      addonBefore={id}
                      value={draft.blankAnswers[id] ?? ''}
                      onChange={(event) =>
                        update({
                          ...draft,
                          blankAnswers: { ...draft.blankAnswers, [id]: event.target.value },
                        })
                      }
                      style={{ marginBottom: 4 }}
                    />
                  ))}
                </Form.Item>
              )}
              {draft.type === 'short_answer' && (
                <Form.Item
                  label={t('author.editor.referenceAnswer')}
                  validateStatus={issueText('key') === undefined ? '' : 'error'}
                  help={issueText('key')}
                >
                  <RichEditor
                    key={`ref-${generation}`}
                    testId="reference-editor"
                    value={draft.referenceAnswer}
                    uploadImage={uploadImage}
                    onChange={(referenceAnswer) =>
                      update({ ...(latest.current ?? draft), referenceAnswer })
                    }
                  />
                </Form.Item>
              )}
              <Form.Item label={t('author.editor.explanation')}>
                <RichEditor
                  key={`exp-${generation}`}
                  testId="explanation-editor"
                  value={draft.explanation}
                  uploadImage={uploadImage}
                  onChange={(explanation) => update({ ...(latest.current ?? draft), explanation })}
                />
              </Form.Item>
              <Form.Item label={t('author.editor.tags')}>
                <Select
                  mode="tags"
                  value={draft.tags}
                  onChange={(tags: string[]) => update({ ...draft, tags })}
                  tokenSeparators={[',', '，']}
                />
              </Form.Item>
              {fieldIssues('other').map((issue) => (
                <Alert key={issue.message} type="error" message={issue.message} />
              ))}
            </Form>
          </fieldset>
        </Card>
      </Col>
      <Col span={10}>
        <Card size="small" title={t('author.preview.title')} className="author-preview-card">
          <ItemPreview
            content={contentFromDraft(draft) as Parameters<typeof ItemPreview>[0]['content']}
          />
          {view !== undefined && view.events.length > 0 && (
            <div className="author-last-event">
              <Typography.Text type="secondary">
                {t('author.review.lastEvent')}：{view.events.at(-1)?.actor} ·{' '}
                {view.events.at(-1)?.comment ?? ''}
              </Typography.Text>
            </div>
          )}
        </Card>
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
