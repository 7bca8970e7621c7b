import {
  errorMessage,
  type BankSearchFilter,
  type BankSearchHit,
  type ItemType,
  type ReviewStatus,
} from '@skillexam/shared';
import { Button, Modal, Select, Space, Table, Typography, message } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { bank } from './author-api';
import { ItemFilters } from './item-list/ItemFilters';
import { itemColumns } from './item-list/item-columns';

export interface ItemListProps {
  readonly standardId?: string;
  /** A 鉴定范围 or 鉴定点 picked in the tree. */
  readonly scope?: { kind: 'range' | 'point'; key: string; label: string };
  readonly onOpen: (id: string) => void;
  readonly onNew: () => void;
  /** Bumped by the workbench when items change elsewhere. */
  readonly refresh: number;
  readonly onChanged: () => void;
}

/**
 * 试题列表: full-text search and filters run in the bank (server-side paging); only one page of
 * hits is ever in the renderer, drawn by a virtual table, so 100,000 items cost nothing here.
 */
export function ItemList(props: ItemListProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [type, setType] = useState<ItemType>();
  const [status, setStatus] = useState<ReviewStatus>();
  const [difficulty, setDifficulty] = useState<number>();
  const [page, setPage] = useState({ current: 1, size: 100 });
  const [hits, setHits] = useState<BankSearchHit[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [tagOpen, setTagOpen] = useState(false);
  const [tags, setTags] = useState<string[]>([]);

  const filter: BankSearchFilter = {
    ...(props.standardId === undefined ? {} : { standardId: props.standardId }),
    ...(props.scope?.kind === 'point' ? { pointId: props.scope.key } : {}),
    ...(props.scope?.kind === 'range' ? { rangeId: props.scope.key } : {}),
    ...(type === undefined ? {} : { type }),
    ...(status === undefined ? {} : { status }),
    ...(difficulty === undefined ? {} : { difficulty }),
  };
  const filterKey = JSON.stringify(filter);

  const load = useCallback(() => {
    setLoading(true);
    bank('bank:search', {
      query,
      filter: JSON.parse(filterKey) as BankSearchFilter,
      offset: (page.current - 1) * page.size,
      limit: page.size,
    })
      .then(
        (result) => {
          setHits(result.hits);
          setTotal(result.total);
        },
        (error: unknown) => void message.error(errorMessage(error)),
      )
      .finally(() => setLoading(false));
  }, [query, filterKey, page]);

  useEffect(load, [load, props.refresh]);
  useEffect(() => setPage((p) => ({ ...p, current: 1 })), [filterKey, query]);

  const bulk = async (action: 'submit' | 'retire') => {
    try {
      const { results } = await bank('bank:review', { ids: selected, action });
      reportBulk(results);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  const reportBulk = (results: { ok: boolean; id: string; error?: string | undefined }[]) => {
    const failed = results.filter((r) => !r.ok);
    if (failed.length === 0)
      void message.success(t('author.list.bulkDone', { count: results.length }));
    else {
      Modal.warning({
        title: t('author.list.bulkPartial', {
          ok: results.length - failed.length,
          failed: failed.length,
        }),
        content: (
          <ul>
            {failed.slice(0, 20).map((r) => (
              <li key={r.id}>
                {r.id.slice(0, 8)}：{r.error}
              </li>
            ))}
          </ul>
        ),
      });
    }
    setSelected([]);
    load();
    props.onChanged();
  };

  return (
    <div className="author-item-list">
      <ItemFilters
        type={type}
        onType={setType}
        status={status}
        onStatus={setStatus}
        difficulty={difficulty}
        onDifficulty={setDifficulty}
        onSearch={setQuery}
        scopeLabel={props.scope?.label}
        onNew={props.onNew}
      />
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {t('author.list.selected', { count: selected.length })}
        </Typography.Text>
        <Button
          size="small"
          disabled={selected.length === 0}
          onClick={() => void bulk('submit')}
          data-testid="bulk-submit"
        >
          {t('author.review.submit')}
        </Button>
        <Button size="small" disabled={selected.length === 0} onClick={() => void bulk('retire')}>
          {t('author.list.retire')}
        </Button>
        <Button size="small" disabled={selected.length === 0} onClick={() => setTagOpen(true)}>
          {t('author.list.tag')}
        </Button>
      </Space>
      <Table<BankSearchHit>
        virtual
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={hits}
        scroll={{ y: 520 }}
        data-testid="item-table"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
        }}
        onRow={(record) => ({
          onDoubleClick: () => props.onOpen(record.id),
          onClick: (event) => {
            if ((event.target as HTMLElement).closest('.ant-checkbox-wrapper') === null)
              props.onOpen(record.id);
          },
        })}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total,
          showSizeChanger: true,
          pageSizeOptions: [50, 100, 200],
          showTotal: (count) => t('author.list.total', { count }),
          onChange: (current, size) => setPage({ current, size }),
        }}
        columns={itemColumns(t)}
      />
      <Modal
        open={tagOpen}
        title={t('author.list.tag')}
        onCancel={() => setTagOpen(false)}
        onOk={async () => {
          setTagOpen(false);
          if (tags.length === 0) return;
          try {
            const { results } = await bank('bank:tag', { ids: selected, tags });
            reportBulk(results);
          } catch (error) {
            void message.error(errorMessage(error));
          }
        }}
      >
        <Typography.Paragraph type="secondary">{t('author.list.tagHelp')}</Typography.Paragraph>
        <Select
          mode="tags"
          value={tags}
          onChange={(v: string[]) => setTags(v)}
          style={{ width: '100%' }}
        />
      </Modal>
    </div>
  );
}
