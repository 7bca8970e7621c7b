import {
  flattenRanges,
  listAssessmentPoints,
  type Importance,
  type TheoryLevelCode,
} from '@skillexam/shared';
import type { StandardDocument } from './standard-document';
import type { StandardIssue } from './standard-issue';

/*
 * The checks the shared schemas cannot make alone: weight tables that name real ranges,
 * every level of the standard weighted, leaves with 鉴定点, point levels the standard offers,
 * and the X/Y/Z mix against the ≥ 80 / ≤ 15 / ≤ 5 % guidance (warnings only).
 */

const sumsMatch = (a: number, b: number) => Math.abs(a - b) < 1e-6;

export const IMPORTANCE_GUIDANCE = { X: { min: 80 }, Y: { max: 15 }, Z: { max: 5 } } as const;

export interface ImportanceMix {
  readonly total: number;
  readonly counts: Record<Importance, number>;
  /** Percentages of `total`, rounded to one decimal. */
  readonly percents: Record<Importance, number>;
}

export function importanceMix(importances: readonly Importance[]): ImportanceMix {
  const counts: Record<Importance, number> = { X: 0, Y: 0, Z: 0 };
  for (const value of importances) counts[value] += 1;
  const total = importances.length;
  const pct = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);
  return { total, counts, percents: { X: pct(counts.X), Y: pct(counts.Y), Z: pct(counts.Z) } };
}

/** Warnings (never errors) when a mix strays from the guidance; `scope` names the level. */
export function importanceMixWarnings(mix: ImportanceMix, scope: string): string[] {
  if (mix.total === 0) return [];
  const warnings: string[] = [];
  const { percents } = mix;
  if (percents.X < IMPORTANCE_GUIDANCE.X.min) {
    warnings.push(`${scope}核心要素 X 占 ${percents.X}%，建议不低于 80%`);
  }
  if (percents.Y > IMPORTANCE_GUIDANCE.Y.max) {
    warnings.push(`${scope}一般要素 Y 占 ${percents.Y}%，建议不超过 15%`);
  }
  if (percents.Z > IMPORTANCE_GUIDANCE.Z.max) {
    warnings.push(`${scope}辅助要素 Z 占 ${percents.Z}%，建议不超过 5%`);
  }
  return warnings;
}

/** Theory weight tables derived from the top-level ranges, for files that give none. */
export function deriveTheoryWeights(doc: StandardDocument) {
  return doc.standard.levels.flatMap((level) => {
    const weights: Record<string, number> = {};
    for (const range of doc.ranges) {
      const weight = range.weights[level];
      if (weight !== undefined) weights[range.code] = weight;
    }
    return Object.keys(weights).length === 0 ? [] : [{ level, weights }];
  });
}

export function validateStandard(doc: StandardDocument, file: string): StandardIssue[] {
  const issues: StandardIssue[] = [];
  const error = (field: string, reason: string) =>
    issues.push({ file, field, reason, severity: 'error' });
  const warning = (field: string, reason: string) =>
    issues.push({ file, field, reason, severity: 'warning' });
  const { standard, occupation } = doc;
  const offered = new Set<TheoryLevelCode>(standard.levels);

  if (standard.occupationCode !== occupation.code) {
    error(
      'standard.occupationCode',
      `标准的职业编码 ${standard.occupationCode} 与职业编码 ${occupation.code} 不一致`,
    );
  }
  const ranges = flattenRanges(doc.ranges);
  const rangePaths = new Set(ranges.map((entry) => entry.path));
  for (const table of standard.theoryWeights) {
    for (const path of Object.keys(table.weights)) {
      if (!rangePaths.has(path)) {
        error(
          `standard.theoryWeights.${table.level}.${path}`,
          `理论知识权重表（${table.level}级）引用了不存在的鉴定范围 ${path}`,
        );
      }
    }
  }
  for (const level of offered) {
    const total = doc.ranges.reduce((sum, range) => sum + (range.weights[level] ?? 0), 0);
    if (!doc.ranges.some((range) => range.weights[level] !== undefined)) {
      error('ranges', `标准设有${level}级，但没有任何一级鉴定范围给出${level}级的鉴定比重`);
    } else if (!sumsMatch(total, 100)) {
      error('ranges', `${level}级一级鉴定范围的比重合计 ${total}%，应为 100%`);
    }
  }
  for (const { path, range } of ranges) {
    for (const level of Object.keys(range.weights)) {
      if (!offered.has(Number(level) as TheoryLevelCode)) {
        error(`ranges.${path}.weights`, `鉴定范围 ${path} 给出了标准未设的${level}级比重`);
      }
    }
    if ((range.children ?? []).length === 0 && (range.points ?? []).length === 0) {
      error(`ranges.${path}`, `鉴定范围 ${path}（${range.name}）是最底层，但没有鉴定点`);
    }
  }
  const points = listAssessmentPoints(doc.ranges);
  for (const { path, point } of points) {
    for (const level of point.levels ?? []) {
      if (!offered.has(level)) {
        error(`points.${path}.levels`, `鉴定点 ${path} 属于标准未设的${level}级`);
      }
    }
  }
  const overall = importanceMix(points.map((entry) => entry.point.importance));
  for (const message of importanceMixWarnings(overall, '全部鉴定点中，')) {
    warning('points', message);
  }
  return issues;
}
