import { ITEM_TYPES, type BankDashboard } from '@skillexam/shared';
import { Alert, Button, Card, Col, List, Row, Statistic } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n';
import { bank, errorMessage } from './author-api';
import { EChart, type ChartOption } from './EChart';

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

  const charts = useMemo(() => {
    if (data === undefined) return undefined;
    const coverage: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 48 },
      xAxis: {
        type: 'category',
        data: data.ranges.map((r) => `${r.path} ${r.name}`),
        axisLabel: { interval: 0, rotate: 20 },
      },
      yAxis: { type: 'value' },
      series: [
        { name: t('author.dashboard.points'), type: 'bar', data: data.ranges.map((r) => r.points) },
        {
          name: t('author.dashboard.covered'),
          type: 'bar',
          data: data.ranges.map((r) => r.covered),
        },
        {
          name: t('author.dashboard.approved'),
          type: 'bar',
          data: data.ranges.map((r) => r.approved),
        },
      ],
    };
    const importance: ChartOption = {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: (['X', 'Y', 'Z'] as const).map((key) => ({
            name: `${key} ${t(`importance.${key}`)}`,
            value: data.importance[key]?.approvedItems ?? 0,
          })),
        },
      ],
    };
    const difficulty: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: {
        type: 'category',
        data: ['1', '2', '3', '4', '5'].map((d) => `${t('author.list.difficulty')} ${d}`),
      },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          data: ['1', '2', '3', '4', '5'].map((d) => data.difficulty[d] ?? 0),
          itemStyle: { color: '#1f5fbf' },
        },
      ],
    };
    const types: ChartOption = {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: '60%',
          data: ITEM_TYPES.map((type) => ({
            name: t(`itemType.${type}`),
            value: data.byType[type] ?? 0,
          })),
        },
      ],
    };
    const p: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: {
        type: 'category',
        data: data.pHistogram.map((_, i) => `${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`),
      },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: data.pHistogram, itemStyle: { color: '#389e0d' } }],
    };
    return { coverage, importance, difficulty, types, p };
  }, [data, t]);

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
          <Card size="small">
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
            <EChart option={charts.p} height={220} />
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
