import type { BankDashboard } from '@skillexam/shared';
import type { HealthData, HealthReport } from '@skillexam/item-bank';

export interface TopRange {
  /** e.g. `6-31-01-03:2018:A`, the prefix of its points' ids. */
  readonly id: string;
  readonly path: string;
  readonly name: string;
}

/**
 * The bank dashboard's numbers: the health report's mixes, coverage per top-level 鉴定范围,
 * and the distribution of measured p (proportion correct) imported from results.
 */
export function buildDashboard(
  report: HealthReport,
  data: HealthData,
  topRanges: readonly TopRange[],
): BankDashboard {
  const ranges = topRanges.map((range) => {
    const points = report.points.filter((point) => point.pointId.startsWith(`${range.id}-`));
    return {
      path: range.path,
      name: range.name,
      points: points.length,
      covered: points.filter((point) => point.approved > 0).length,
      approved: points.reduce((sum, point) => sum + point.approved, 0),
    };
  });
  const pHistogram = Array.from({ length: 10 }, () => 0);
  let withStatistics = 0;
  for (const item of data.items) {
    if (item.p === undefined || item.status === 'retired') continue;
    withStatistics += 1;
    const bin = Math.min(9, Math.max(0, Math.floor(item.p * 10)));
    pHistogram[bin] = (pHistogram[bin] ?? 0) + 1;
  }
  return {
    totalItems: report.totalItems,
    byStatus: report.byStatus,
    byType: report.byType,
    difficulty: report.difficulty,
    importance: report.importance,
    ranges,
    thinPointCount: report.thinPointCount,
    unclassified: report.unclassified,
    pHistogram,
    withStatistics,
    statisticsFlags: report.statisticsFlags.slice(0, 200),
  };
}
