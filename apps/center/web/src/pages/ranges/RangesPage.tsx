import { Alert, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import type { Organisation, RangeRequestRow, RangeRow } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateTime } from '../../components/format';
import { useAction, useLoad } from '../../components/use-load';
import { LEVEL_NAMES } from '../batches/batch-levels';
import { RequestRangeForm } from './RequestRangeForm';

const REQUEST_COLOUR = { pending: 'gold', allocated: 'green', refused: 'red' } as const;

/** 号段: requests (org staff ask, centre admin allocates in filing order) and allocated ranges. */
export function RangesPage() {
  const { api, login, t } = useCenter();
  const [refuseReason, setRefuseReason] = useState('');
  const data = useLoad(
    () => api.get<{ ranges: RangeRow[]; requests: RangeRequestRow[] }>('/api/certificate-ranges'),
    [api],
  );
  const orgs = useLoad(
    () => api.get<{ organisations: Organisation[] }>('/api/organisations'),
    [api],
  );
  const action = useAction();
  const orgName = new Map((orgs.data?.organisations ?? []).map((o) => [o.id, o.name]));
  const isAdmin = login.staff.role === 'centre_admin';
  const decide = async (id: string, verb: 'allocate' | 'refuse') => {
    await action.run(() =>
      api.post(
        `/api/certificate-ranges/requests/${id}/${verb}`,
        verb === 'refuse' ? { reason: refuseReason } : undefined,
      ),
    );
    data.reload();
  };
  const organisation = {
    title: t('organisation'),
    dataIndex: 'organisation_id',
    render: (id: string) => orgName.get(id) ?? id,
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('rangeOrderNote')} />
      {login.staff.role === 'org_staff' && <RequestRangeForm onRequested={data.reload} />}
      <ErrorAlert error={action.error ?? data.error} />
      <Card size="small" title={t('rangeRequests')}>
        <Table<RangeRequestRow>
          rowKey="id"
          size="small"
          pagination={false}
          data-testid="range-requests"
          dataSource={data.data?.requests ?? []}
          columns={[
            organisation,
            { title: t('siteSerial'), dataIndex: 'site_serial' },
            { title: t('year'), dataIndex: 'year' },
            { title: t('level'), dataIndex: 'level', render: (l: number) => LEVEL_NAMES[l] ?? l },
            { title: t('size'), dataIndex: 'size', align: 'right' },
            { title: t('requestedBy'), dataIndex: 'requested_by' },
            { title: t('requestedAt'), dataIndex: 'requested_at', render: dateTime },
            {
              title: t('status'),
              dataIndex: 'status',
              render: (s: RangeRequestRow['status']) => (
                <Tag color={REQUEST_COLOUR[s]}>{t(`request_${s}`)}</Tag>
              ),
            },
            ...(isAdmin
              ? [
                  {
                    title: t('actions'),
                    render: (_: unknown, r: RangeRequestRow) =>
                      r.status !== 'pending' ? null : (
                        <Space size={4}>
                          <Button
                            size="small"
                            type="primary"
                            onClick={() => void decide(r.id, 'allocate')}
                          >
                            {t('allocate')}
                          </Button>
                          <Popconfirm
                            title={
                              <Input
                                placeholder={t('refuseReason')}
                                value={refuseReason}
                                onChange={(e) => setRefuseReason(e.target.value)}
                              />
                            }
                            onConfirm={() => void decide(r.id, 'refuse')}
                          >
                            <Button size="small" danger>
                              {t('refuse')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('allocatedRanges')}>
        <Table<RangeRow>
          rowKey="id"
          size="small"
          pagination={false}
          data-testid="ranges"
          dataSource={data.data?.ranges ?? []}
          columns={[
            organisation,
            { title: t('prefix'), dataIndex: 'prefix' },
            { title: t('firstSerial'), dataIndex: 'first_serial', align: 'right' },
            { title: t('lastSerial'), dataIndex: 'last_serial', align: 'right' },
            { title: t('nextSerial'), dataIndex: 'next_serial', align: 'right' },
            { title: t('allocatedAt'), dataIndex: 'allocated_at', render: dateTime },
          ]}
        />
      </Card>
    </Space>
  );
}
