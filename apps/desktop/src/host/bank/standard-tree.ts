import {
  flattenRanges,
  assessmentPointPath,
  type AssessmentRange,
  type StandardTreeNode,
} from '@skillexam/shared';
import { MIN_APPROVED_PER_POINT, nodeId, type PointCoverage } from '@skillexam/item-bank';

/**
 * The 鉴定要素细目表 as flat tree nodes for the workbench: every 鉴定范围 and 鉴定点 with its
 * item counts (not retired / approved) and a health colour. Ranges sum their points.
 */
export function buildStandardTree(
  standardId: string,
  ranges: readonly AssessmentRange[],
  coverage: readonly PointCoverage[],
): StandardTreeNode[] {
  const byPoint = new Map(coverage.map((entry) => [entry.pointId, entry]));
  const nodes: StandardTreeNode[] = [];
  const totals = new Map<
    string,
    { items: number; approved: number; points: number; thin: number }
  >();
  const rangeEntries = flattenRanges(ranges);
  for (const { path, range } of rangeEntries) {
    const parentPath = path.includes('-') ? path.slice(0, path.lastIndexOf('-')) : undefined;
    nodes.push({
      key: nodeId(standardId, path),
      ...(parentPath === undefined ? {} : { parentKey: nodeId(standardId, parentPath) }),
      kind: 'range',
      code: range.code,
      path,
      name: range.name,
      items: 0,
      approved: 0,
      health: 'empty',
    });
    for (const point of range.points ?? []) {
      const pointPath = assessmentPointPath(path, point.code);
      const key = nodeId(standardId, pointPath);
      const entry = byPoint.get(key);
      const items =
        entry === undefined ? 0 : Object.values(entry.byType).reduce((a, b) => a + b, 0);
      const approved = entry?.approved ?? 0;
      nodes.push({
        key,
        parentKey: nodeId(standardId, path),
        kind: 'point',
        code: point.code,
        path: pointPath,
        name: point.name,
        importance: point.importance,
        items,
        approved,
        health: pointHealth(approved),
      });
      // Every enclosing range counts this point.
      const parts = path.split('-');
      for (let depth = 1; depth <= parts.length; depth += 1) {
        const rangePath = parts.slice(0, depth).join('-');
        const total = totals.get(rangePath) ?? { items: 0, approved: 0, points: 0, thin: 0 };
        total.items += items;
        total.approved += approved;
        total.points += 1;
        if (approved < MIN_APPROVED_PER_POINT) total.thin += 1;
        totals.set(rangePath, total);
      }
    }
  }
  return nodes.map((node) => {
    if (node.kind !== 'range') return node;
    const total = totals.get(node.path);
    if (total === undefined) return node;
    return {
      ...node,
      items: total.items,
      approved: total.approved,
      health: total.approved === 0 ? 'empty' : total.thin > 0 ? 'thin' : 'ok',
    };
  });
}

export function pointHealth(approved: number): StandardTreeNode['health'] {
  if (approved === 0) return 'empty';
  return approved < MIN_APPROVED_PER_POINT ? 'thin' : 'ok';
}
