import { errorMessage } from '@skillexam/shared';
import { CheckOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type {
  ClassificationQueueEntryView,
  ClassificationQueueView,
  ItemType,
  StandardTreeNode,
} from '@skillexam/shared';
import {
  Alert,
  Button,
  Card,
  Empty,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
  message,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { bank } from './author-api';
import { buildTreeData } from './standard-tree-data';

type ClassifyRequest = { pointId: string } | { acceptTopSuggestion: true };

/**
 * 分类队列: items imported without a 鉴定点 wait in their standard's 未分类 pool. Each row shows
 * the three likeliest 鉴定点 with their match score; the user accepts one per item, or selects
 * many and files them under one chosen 鉴定点 or under each item's top suggestion.
 */
export function ClassificationQueue({
  standardId,
  nodes,
  onChanged,
}: {
  readonly standardId?: string;
  readonly nodes: readonly StandardTreeNode[];
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const [queue, setQueue] = useState<ClassificationQueueView>();
  const [page, setPage] = useState({ current: 1, size: 50 });
  const [selected, setSelected] = useState<string[]>([]);
  const [target, setTarget] = useState<string>();
  const [errors, setErrors] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const treeData = useMemo(() => buildTreeData(nodes, { pointsOnly: true }), [nodes]);

  const load = useCallback(() => {
    if (standardId === undefined) return;
    setLoading(true);
    bank('bank:classification-queue', {
      standardId,
      offset: (page.current - 1) * page.size,
      limit: page.size,
    }).then(
      (next) => {
        setQueue(next);
        setLoading(false);
      },
      (e: unknown) => {
        setErrors([errorMessage(e)]);
        setLoading(false);
      },
    );
  }, [standardId, page]);
  useEffect(load, [load]);

  const classify = async (ids: readonly string[], request: ClassifyRequest) => {
    if (ids.length === 0) return;
    setErrors([]);
    try {
      const { results } = await bank('bank:classify', { ids: [...ids], ...request });
      const done = results.filter((result) => result.ok).length;
      const failed = results.filter((result) => !result.ok);
      if (done > 0) void message.success(t('author.classify.done', { count: done }));
      if (failed.length > 0) {
        setErrors([
          t('author.classify.failed', { count: failed.length }),
          ...failed.map((result) => `${result.id.slice(0, 8)}：${result.error ?? ''}`),
        ]);
      }
      setSelected([]);
      load();
      onChanged();
    } catch (e) {
      setErrors([errorMessage(e)]);
    }
  };

  if (standardId === undefined) {
    return (
      <Card size="small">
        <Empty description={t('author.classify.noStandard')} />
      </Card>
    );
  }

  return (
    <Card
      size="small"
      title={t('author.classify.title', { count: queue?.total ?? 0 })}
      data-testid="classification-queue"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('author.classify.help')}
        </Typography.Paragraph>
        {errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            closable
            onClose={() => setErrors([])}
            message={errors[0]}
            description={errors.length > 1 ? errors.slice(1).join('\n') : undefined}
            data-testid="classify-errors"
          />
        )}
        <Space wrap>
          <Button
            icon={<ThunderboltOutlined />}
            disabled={selected.length === 0}
            onClick={() => void classify(selected, { acceptTopSuggestion: true })}
            data-testid="classify-accept-top"
          >
            {t('author.classify.acceptTop')}
          </Button>
          <Typography.Text type="secondary">{t('author.classify.assignTo')}</Typography.Text>
          <TreeSelect
            showSearch
            treeNodeFilterProp="title"
            style={{ minWidth: 320 }}
            {...(target === undefined ? {} : { value: target })}
            treeData={treeData}
            treeDefaultExpandAll
            placeholder={t('author.classify.pickPoint')}
            aria-label={t('author.classify.assignTo')}
            onChange={(value: string) => setTarget(value)}
            data-testid="classify-point"
          />
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={selected.length === 0 || target === undefined}
            onClick={() => {
              if (target !== undefined) void classify(selected, { pointId: target });
            }}
            data-testid="classify-assign"
          >
            {t('author.classify.assign')}
          </Button>
          {selected.length > 0 && (
            <Typography.Text>
              {t('author.list.selected', { count: selected.length })}
            </Typography.Text>
          )}
        </Space>
        <Table<ClassificationQueueEntryView>
          size="small"
          rowKey="itemId"
          loading={loading}
          dataSource={queue?.entries ?? []}
          locale={{ emptyText: <Empty description={t('author.classify.empty')} /> }}
          data-testid="classify-table"
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys.map(String)),
          }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: queue?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [50, 100, 200],
            showTotal: (count) => t('author.list.total', { count }),
            onChange: (current, size) => setPage({ current, size }),
          }}
          columns={[
            {
              title: t('author.list.type'),
              dataIndex: 'type',
              width: 80,
              render: (value: ItemType) => t(`itemType.${value}`),
            },
            { title: t('author.classify.stem'), dataIndex: 'stem' },
            {
              title: t('author.classify.suggestions'),
              dataIndex: 'suggestions',
              width: 460,
              render: (_: unknown, entry: ClassificationQueueEntryView) =>
                entry.suggestions.length === 0 ? (
                  <Typography.Text type="secondary">{t('author.classify.none')}</Typography.Text>
                ) : (
                  <Space orientation="vertical" size={2} data-testid="classify-suggestions">
                    {entry.suggestions.map((suggestion, rank) => (
                      <Space key={suggestion.pointId} size={4}>
                        <Tag color={rank === 0 ? 'blue' : 'default'}>{suggestion.path}</Tag>
                        <span>{suggestion.name}</span>
                        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                          {suggestion.score.toFixed(2)}
                        </Typography.Text>
                        <Button
                          size="small"
                          type="link"
                          onClick={() =>
                            void classify([entry.itemId], { pointId: suggestion.pointId })
                          }
                          data-testid="classify-accept"
                        >
                          {t('author.classify.accept')}
                        </Button>
                      </Space>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
