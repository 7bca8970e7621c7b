import { HistoryOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { type BankItemView } from '@skillexam/shared';
import { Button, Space, Tag } from 'antd';
import { useI18n } from '../../i18n';
import { StatusTag } from '../StatusTag';
import { type SaveState } from './use-item-editor';

/** The editor card's title: new item, or the item's short id, version and review status. */
export function ItemEditorTitle({ view }: { readonly view: BankItemView | undefined }) {
  const { t } = useI18n();
  return (
    <Space>
      {view === undefined
        ? t('author.editor.newItem')
        : `${t('author.editor.item')} ${view.item.id.slice(0, 8)} · v${view.item.version}`}
      {view !== undefined && <StatusTag status={view.item.reviewStatus} />}
    </Space>
  );
}

interface ActionsProps {
  readonly view: BankItemView | undefined;
  readonly saveState: SaveState;
  readonly issueCount: number;
  readonly editable: boolean;
  readonly onSave: () => void;
  readonly onHistory: () => void;
  readonly onSubmit: () => void;
}

/** The editor card's actions: save state, save, history and submit for review. */
export function ItemEditorActions(props: ActionsProps) {
  const { view, saveState, editable } = props;
  const { t } = useI18n();
  const saveLabel: Record<SaveState, string> = {
    saved: t('author.editor.state.saved'),
    dirty: t('author.editor.state.dirty'),
    saving: t('author.editor.state.saving'),
    invalid: t('author.editor.state.invalid', { count: props.issueCount }),
    error: t('author.editor.state.error'),
  };
  return (
    <Space>
      <Tag
        color={
          // status colours come from the theme tokens (readable); preset ones do not
          saveState === 'saved'
            ? 'success'
            : saveState === 'invalid' || saveState === 'error'
              ? 'error'
              : 'processing'
        }
        data-testid="save-state"
      >
        {saveLabel[saveState]}
      </Tag>
      <Button
        icon={<SaveOutlined />}
        onClick={props.onSave}
        disabled={!editable}
        data-testid="save-item"
      >
        {t('common.save')} (Ctrl+S)
      </Button>
      <Button
        icon={<HistoryOutlined />}
        disabled={view === undefined}
        onClick={props.onHistory}
        data-testid="open-history"
      >
        {t('author.history.title')}
      </Button>
      <Button
        type="primary"
        icon={<SendOutlined />}
        disabled={
          !editable ||
          (view !== undefined && view.item.reviewStatus !== 'draft' && saveState === 'saved')
        }
        onClick={props.onSubmit}
        data-testid="submit-item"
      >
        {t('author.review.submit')}
      </Button>
    </Space>
  );
}
