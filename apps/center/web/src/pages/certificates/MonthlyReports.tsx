import { Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useCenter } from '../../center-context';
import type { Counts, MonthlyStatistics } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { currentMonth } from '../../components/format';
import { useAction } from '../../components/use-load';

/** The national upload sheet and the statistics of a month (Beijing calendar). */
export function MonthlyReports() {
  const { api, t } = useCenter();
  const [month, setMonth] = useState(currentMonth());
  const [stats, setStats] = useState<MonthlyStatistics | undefined>();
  const action = useAction();
  const query = `month=${encodeURIComponent(month)}`;
  const countColumns = [
    { title: t('issuedCount'), dataIndex: 'issued', align: 'right' as const },
    { title: t('voidedCount'), dataIndex: 'voided', align: 'right' as const },
    { title: t('validCount'), dataIndex: 'valid', align: 'right' as const },
  ];
  const table = <R extends Counts>(
    title: string,
    first: string,
    label: (row: R) => string,
    rows: readonly R[],
  ) => (
    <Table<R>
      size="small"
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      rowKey={label}
      pagination={false}
      dataSource={[...rows]}
      columns={[{ title: first, render: (_: unknown, row: R) => label(row) }, ...countColumns]}
    />
  );
  return (
    <Card size="small" title={t('statistics')}>
      <ErrorAlert error={action.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('month')}</span>
        <Input
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          style={{ width: 110 }}
          placeholder="2026-06"
        />
        <Button
          onClick={() =>
            void action.run(() =>
              api.download(`/api/certificates/export?${query}`, `证书数据-${month}.xlsx`),
            )
          }
        >
          {t('exportSheet')}
        </Button>
        <Button
          type="primary"
          onClick={() =>
            void action
              .run(() => api.get<MonthlyStatistics>(`/api/certificates/statistics?${query}`))
              .then(setStats)
          }
        >
          {t('showStatistics')}
        </Button>
        <Button
          onClick={() =>
            void action.run(() =>
              api.download(
                `/api/certificates/statistics?${query}&format=xlsx`,
                `证书统计-${month}.xlsx`,
              ),
            )
          }
        >
          {t('downloadStatistics')}
        </Button>
      </Space>
      {stats !== undefined && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="statistics">
          <Typography.Text strong>
            {stats.month} · {t('total')}：{t('issuedCount')} {stats.totals.issued}，
            {t('voidedCount')} {stats.totals.voided}，{t('validCount')} {stats.totals.valid}
          </Typography.Text>
          {table(
            t('byOccupation'),
            t('occupationName'),
            (r) => `${r.occupationName}（${r.occupationCode}）`,
            stats.byOccupation,
          )}
          {table(t('byLevel'), t('level'), (r) => r.levelName, stats.byLevel)}
          {table(
            t('bySite'),
            t('site'),
            (r) => `${r.organisationName} · ${r.siteSerial}`,
            stats.bySite,
          )}
        </Space>
      )}
    </Card>
  );
}
