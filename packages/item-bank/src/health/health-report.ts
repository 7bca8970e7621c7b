import { ITEM_TYPES, type Importance, type ItemType, type ReviewStatus } from '@skillexam/shared';
import type { HealthData, HealthItemRow } from './health-store';

/*
 * 题库健康报告: coverage of the 细目表 by approved items, X/Y/Z and difficulty mixes,
 * items never used in a paper, and items the statistics call into question.
 * Thresholds from the domain brief: ≥ 4 approved items per 鉴定点; p < 0.2 or > 0.95,
 * discrimination < 0.2.
 */

export const MIN_APPROVED_PER_POINT = 4;
export const P_TOO_HARD = 0.2;
export const P_TOO_EASY = 0.95;
export const MIN_DISCRIMINATION = 0.2;

export interface PointCoverage {
  readonly pointId: string;
  readonly path: string;
  readonly name: string;
  readonly importance: Importance;
  /** Items that are not retired, by type. */
  readonly byType: Record<ItemType, number>;
  readonly approved: number;
  /** Fewer than MIN_APPROVED_PER_POINT approved items. */
  readonly thin: boolean;
}

export interface StatisticsFlag {
  readonly id: string;
  readonly reasons: string[];
}

export interface HealthReport {
  readonly totalItems: number;
  readonly byStatus: Record<ReviewStatus, number>;
  readonly byType: Record<ItemType, number>;
  readonly points: PointCoverage[];
  readonly thinPointCount: number;
  /** Items (not retired) waiting in the 未分类 pool for a 鉴定点; never counted per point. */
  readonly unclassified: number;
  /** 鉴定点 count and approved-item count per importance. */
  readonly importance: Record<Importance, { points: number; approvedItems: number }>;
  /** Non-retired items per authored difficulty 1–5. */
  readonly difficulty: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** Approved items no paper has ever used. */
  readonly neverUsed: string[];
  readonly statisticsFlags: StatisticsFlag[];
}

function zeroTypes(): Record<ItemType, number> {
  return Object.fromEntries(ITEM_TYPES.map((type) => [type, 0])) as Record<ItemType, number>;
}

export function statisticsReasons(item: HealthItemRow): string[] {
  const reasons: string[] = [];
  if (item.p !== undefined && item.p < P_TOO_HARD) reasons.push(`难度值 p=${item.p} 过难（<0.2）`);
  if (item.p !== undefined && item.p > P_TOO_EASY) {
    reasons.push(`难度值 p=${item.p} 过易（>0.95）`);
  }
  if (item.discrimination !== undefined && item.discrimination < MIN_DISCRIMINATION) {
    reasons.push(`区分度 ${item.discrimination} 偏低（<0.2）`);
  }
  return reasons;
}

export function computeHealthReport(data: HealthData): HealthReport {
  const byStatus: Record<ReviewStatus, number> = {
    draft: 0,
    in_review: 0,
    approved: 0,
    rejected: 0,
    retired: 0,
  };
  const byType = zeroTypes();
  const difficulty = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  const perPoint = new Map<string, { byType: Record<ItemType, number>; approved: number }>();
  const neverUsed: string[] = [];
  const statisticsFlags: StatisticsFlag[] = [];
  let unclassified = 0;
  for (const item of data.items) {
    byStatus[item.status] += 1;
    if (item.status === 'retired') continue;
    byType[item.type] += 1;
    const key = String(item.difficulty) as keyof typeof difficulty;
    if (key in difficulty) difficulty[key] += 1;
    if (item.unclassified === true) {
      unclassified += 1;
      continue;
    }
    let entry = perPoint.get(item.pointId);
    if (entry === undefined) {
      entry = { byType: zeroTypes(), approved: 0 };
      perPoint.set(item.pointId, entry);
    }
    entry.byType[item.type] += 1;
    if (item.status === 'approved') {
      entry.approved += 1;
      if (!item.pinned && item.candidatesSeen === 0) neverUsed.push(item.id);
    }
    const reasons = statisticsReasons(item);
    if (reasons.length > 0) statisticsFlags.push({ id: item.id, reasons });
  }
  const importance: HealthReport['importance'] = {
    X: { points: 0, approvedItems: 0 },
    Y: { points: 0, approvedItems: 0 },
    Z: { points: 0, approvedItems: 0 },
  };
  const points = data.points.map((point): PointCoverage => {
    const entry = perPoint.get(point.id) ?? { byType: zeroTypes(), approved: 0 };
    importance[point.importance].points += 1;
    importance[point.importance].approvedItems += entry.approved;
    return {
      pointId: point.id,
      path: point.path,
      name: point.name,
      importance: point.importance,
      byType: entry.byType,
      approved: entry.approved,
      thin: entry.approved < MIN_APPROVED_PER_POINT,
    };
  });
  return {
    totalItems: data.items.length,
    byStatus,
    byType,
    points,
    thinPointCount: points.filter((point) => point.thin).length,
    unclassified,
    importance,
    difficulty,
    neverUsed,
    statisticsFlags,
  };
}
