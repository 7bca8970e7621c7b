import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useCenter } from '../../center-context';
import type { Comparison, OccupationReport, SiteReport } from '../../api/center-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { percent, score } from '../../components/format';
import { useLoad } from '../../components/use-load';

/** A figure with its comparison against the province: flagged outliers in red with z. */
function Figure({
  value,
  comparison,
}: {
  readonly value: string;
  readonly comparison: Comparison;
}) {
  const { t } = useCenter();
  if (!comparison.tested)
    return (
      <span title={comparison.reason}>
        {value} <Typography.Text type="secondary">({t('notTested')})</Typography.Text>
      </span>
    );
  return (
    <Space size={4}>
      <span>{value}</span>
      {comparison.flagged ? (
        <Tag color="red" data-testid="outlier">
          {t('flagged')} {comparison.direction === 'higher' ? '↑' : '↓'} z={comparison.z.toFixed(1)}
        </Tag>
      ) : (
        <Typography.Text type="secondary">z={comparison.z.toFixed(1)}</Typography.Text>
      )}
    </Space>
  );
}

/** Sites against the province per occupation and level (质量督导). */
export function SiteComparison() {
  const { api, t } = useCenter();
  const reports = useLoad(() => api.get<OccupationReport[]>('/api/supervision/sites'), [api]);
  if (reports.error !== undefined) return <ErrorAlert error={reports.error} />;
  const rows = reports.data ?? [];
  return (
    <Card size="small" title={t('siteComparison')} loading={reports.loading}>
      {rows.length === 0 && <Empty description={t('nothingYet')} />}
      {rows.map((report) => (
        <Table<SiteReport>
          key={report.occupationAndLevel}
          rowKey="siteId"
          size="small"
          pagination={false}
          style={{ marginBottom: 16 }}
          title={() => (
            <Space>
              <Typography.Text strong>{report.occupationAndLevel}</Typography.Text>
              <Typography.Text type="secondary">
                {t('provinceFigures', {
                  n: report.province.n,
                  passRate: percent(report.province.passRate),
                  mean: score(report.province.meanScore),
                })}
                ，|z| ≥ {report.criticalZ.toFixed(2)}
              </Typography.Text>
            </Space>
          )}
          dataSource={[...report.sites]}
          columns={[
            { title: t('site'), dataIndex: 'siteName' },
            { title: t('candidates'), dataIndex: 'n', align: 'right' },
            {
              title: t('passRate'),
              render: (_: unknown, s) => (
                <Figure value={percent(s.passRate)} comparison={s.comparisons.passRate} />
              ),
            },
            {
              title: t('meanScore'),
              render: (_: unknown, s) => (
                <Figure value={score(s.meanScore)} comparison={s.comparisons.meanScore} />
              ),
            },
            { title: t('sdScore'), dataIndex: 'sdScore', render: score },
            {
              title: t('meanSeconds'),
              render: (_: unknown, s) => (
                <Figure
                  value={score(s.meanAnswerSeconds)}
                  comparison={s.comparisons.meanAnswerSeconds}
                />
              ),
            },
          ]}
        />
      ))}
    </Card>
  );
}
