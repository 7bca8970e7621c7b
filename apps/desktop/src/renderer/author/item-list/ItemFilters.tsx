import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { ITEM_TYPES, type ItemType, type ReviewStatus } from '@skillexam/shared';
import { Button, Input, Select, Space, Tag } from 'antd';
import { useI18n } from '../../i18n';

const STATUSES: ReviewStatus[] = ['draft', 'in_review', 'approved', 'rejected', 'retired'];

interface Props {
  readonly type: ItemType | undefined;
  readonly onType: (type: ItemType | undefined) => void;
  readonly status: ReviewStatus | undefined;
  readonly onStatus: (status: ReviewStatus | undefined) => void;
  readonly difficulty: number | undefined;
  readonly onDifficulty: (difficulty: number | undefined) => void;
  readonly onSearch: (query: string) => void;
  /** The tree's scope, shown as a tag. */
  readonly scopeLabel: string | undefined;
  readonly onNew: () => void;
}

/** The item list's search box, type/status/difficulty filters and the new-item button. */
export function ItemFilters(props: Props) {
  const { t } = useI18n();
  return (
    <Space wrap style={{ marginBottom: 8 }}>
      <Input.Search
        allowClear
        placeholder={t('author.list.searchPlaceholder')}
        aria-label={t('author.list.searchPlaceholder')}
        enterButton={<SearchOutlined />}
        onSearch={props.onSearch}
        style={{ width: 280 }}
        data-testid="item-search"
      />
      <Select<ItemType>
        allowClear
        placeholder={t('author.list.type')}
        aria-label={t('author.list.type')}
        value={props.type ?? null}
        onChange={props.onType}
        style={{ width: 110 }}
        options={ITEM_TYPES.map((v) => ({ value: v, label: t(`itemType.${v}`) }))}
      />
      <Select<ReviewStatus>
        allowClear
        placeholder={t('author.list.status')}
        aria-label={t('author.list.status')}
        value={props.status ?? null}
        onChange={props.onStatus}
        style={{ width: 110 }}
        options={STATUSES.map((v) => ({ value: v, label: t(`author.status.${v}`) }))}
      />
      <Select<number>
        allowClear
        placeholder={t('author.list.difficulty')}
        aria-label={t('author.list.difficulty')}
        value={props.difficulty ?? null}
        onChange={props.onDifficulty}
        style={{ width: 100 }}
        options={[1, 2, 3, 4, 5].map((v) => ({
          value: v,
          label: `${t('author.list.difficulty')} ${v}`,
        }))}
      />
      {props.scopeLabel !== undefined && <Tag color="blue">{props.scopeLabel}</Tag>}
      <Button type="primary" icon={<PlusOutlined />} onClick={props.onNew} data-testid="new-item">
        {t('author.list.newItem')}
      </Button>
    </Space>
  );
}
