import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import type { Batch, BatchStatus } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateTime } from '../../components/format';
import { useLoad } from '../../components/use-load';
import { BatchDetail } from './BatchDetail';
import { CreateBatchForm } from './CreateBatchForm';
import { LEVEL_NAMES, STATUS_COLOUR } from './batch-levels';

/** 认定批次: the batches the caller may see; org staff create them; one opens in place. */
export function BatchesPage() {
  const { api, login, t } = useCenter();
  const [openId, setOpenId] = useState<string | undefined>();
  const list = useLoad(() => api.get<Batch[]>('/api/batches'), [api]);
  if (openId !== undefined)
    return (
      <BatchDetail batchId={openId} onBack={() => setOpenId(undefined)} onChanged={list.reload} />
    );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {login.staff.role === 'org_staff' && (
        <CreateBatchForm
          onCreated={(batch) => {
            list.reload();
            setOpenId(batch.id);
          }}
        />
      )}
      <ErrorAlert error={list.error} />
      <Table<Batch>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        data-testid="batches-table"
        columns={[
          { title: t('batchName'), dataIndex: 'name' },
          {
            title: t('occupationName'),
            render: (_: unknown, b) => `${b.occupationName}（${b.occupationCode}）`,
          },
          { title: t('level'), dataIndex: 'level', render: (l: number) => LEVEL_NAMES[l] ?? l },
          {
            title: t('status'),
            dataIndex: 'status',
            render: (s: BatchStatus) => <Tag color={STATUS_COLOUR[s]}>{t(`status_${s}`)}</Tag>,
          },
          { title: t('createdAt'), dataIndex: 'createdAt', render: dateTime },
          {
            title: t('actions'),
            render: (_: unknown, b) => (
              <Button size="small" onClick={() => setOpenId(b.id)}>
                {t('open')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
