import { errorMessage, type BankDashboard } from '@skillexam/shared';
import { Alert, Button, Card, Col, List, Row, Statistic } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { bank } from './author-api';
import { dashboardCharts } from './dashboard/dashboard-charts';
import { EChart } from './EChart';

/** 题库看板: coverage per 鉴定范围, X/Y/Z, difficulty, types, and measured p from results. */
export function Dashboard({
  standardId,
  refresh,
  onClassify,
}: {
  readonly standardId?: string;
  readonly refresh: number;
  /** Opens the 分类队列 (from the 「未分类 N 题」 notice). */
  readonly onClassify?: () => void;
}) {
  const { t } = useI18n();
  const [data, setData] = useState<BankDashboard>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    bank('bank:dashboard', standardId === undefined ? {} : { standardId }).then(
      setData,
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [standardId, refresh]);

  const charts = useMemo(
    () => (data === undefined ? undefined : dashboardCharts(data, t)),
    [data, t],
  );

  if (error !== undefined) return <Alert type="error" message={error} />;
  if (data === undefined || charts === undefined) return <Card loading />;
  return (
    <div data-testid="dashboard">
      {data.unclassified > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${t('author.dashboard.unclassified')}：${data.unclassified}`}
          action={
            onClassify === undefined ? undefined : (
              <Button size="small" type="link" onClick={onClassify} data-testid="open-classify">
                {t('author.dashboard.unclassifiedLink', { count: data.unclassified })}
              </Button>
            )
          }
          data-testid="dashboard-unclassified"
        />
      )}
      <Row gutter={16}>
        <Col span={4}>
          <Card size="small">
            <Statistic title={t('author.dashboard.total')} value={data.totalItems} />
          </Card>
        </Col>
        <Col span={4}>
          <Card size="small">
            <Statistic title={t('author.status.approved')} value={data.byStatus['approved'] ?? 0} />
          </Card>
        </Col>
        <Col span={4}>
          <Card size="small">
            <Statistic
              title={t('author.status.in_review')}
              value={data.byStatus['in_review'] ?? 0}
            />
          </Card>
        </Col>
        <Col span={4}>
          <Card size="small">
            <Statistic title={t('author.status.draft')} value={data.byStatus['draft'] ?? 0} />
          </Card>
        </Col>
        <Col span={4}>
          <Card size="small">
            <Statistic
              title={t('author.dashboard.thin')}
              value={data.thinPointCount}
              valueStyle={{ color: data.thinPointCount > 0 ? '#d48806' : undefined }}
            />
          </Card>
        </Col>
        <Col span={4}>
          <Card size="small" data-testid="dashboard-with-stats">
            <Statistic title={t('author.dashboard.withStats')} value={data.withStatistics} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={14}>
          <Card size="small" title={t('author.dashboard.coverage')}>
            <EChart option={charts.coverage} testId="chart-coverage" />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={t('author.dashboard.importance')}>
            <EChart option={charts.importance} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={8}>
          <Card size="small" title={t('author.dashboard.difficulty')}>
            <EChart option={charts.difficulty} height={220} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title={t('author.dashboard.types')}>
            <EChart option={charts.types} height={220} />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title={t('author.dashboard.pHistogram')}>
            <EChart option={charts.p} height={220} testId="chart-p" />
          </Card>
        </Col>
      </Row>
      {data.statisticsFlags.length > 0 && (
        <Card size="small" title={t('author.dashboard.flags')} style={{ marginTop: 16 }}>
          <List
            size="small"
            dataSource={data.statisticsFlags.slice(0, 50)}
            renderItem={(flag) => (
              <List.Item>
                {flag.id.slice(0, 8)}：{flag.reasons.join('；')}
              </List.Item>
            )}
          />
        </Card>
      )}
    </div>
  );
}
