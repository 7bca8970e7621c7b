import { ITEM_TYPES, type BankDashboard, type MessageKey } from '@skillexam/shared';
import { type ChartOption } from '../EChart';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface DashboardCharts {
  readonly coverage: ChartOption;
  readonly importance: ChartOption;
  readonly difficulty: ChartOption;
  readonly types: ChartOption;
  readonly p: ChartOption;
}

/**
 * The dashboard's charts: coverage per 鉴定范围, approved items by X/Y/Z, difficulty, item types
 * and the histogram of measured p.
 */
export function dashboardCharts(data: BankDashboard, t: Translate): DashboardCharts {
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
}
