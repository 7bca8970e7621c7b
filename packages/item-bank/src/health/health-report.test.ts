import { describe, expect, it } from 'vitest';
import type { PointRecord } from '../standards/standard-store';
import { computeHealthReport } from './health-report';
import type { HealthItemRow } from './health-store';

const point = (id: string, importance: PointRecord['importance']): PointRecord => ({
  id,
  standardId: 's',
  path: id,
  rangePath: 'A',
  code: '001',
  name: id,
  importance,
});

const item = (id: string, pointId: string, extra: Partial<HealthItemRow> = {}): HealthItemRow => ({
  id,
  pointId,
  type: 'single_choice',
  status: 'approved',
  difficulty: 3,
  candidatesSeen: 0,
  pinned: false,
  ...extra,
});

describe('bank health report', () => {
  it('counts unclassified items apart: never coverage of a point, retired ones not at all', () => {
    const report = computeHealthReport({
      points: [point('A-001', 'X')],
      items: [
        item('1', 'A-001'),
        item('2', 's:_unclassified', { status: 'draft', unclassified: true }),
        item('3', 's:_unclassified', { status: 'draft', unclassified: true }),
        item('4', 's:_unclassified', { status: 'retired', unclassified: true }),
      ],
    });
    expect(report.unclassified).toBe(2);
    expect(report.totalItems).toBe(4);
    expect(report.points.map((p) => [p.path, p.approved])).toEqual([['A-001', 1]]);
    expect(report.byType.single_choice).toBe(3);
  });

  it('counts items per point and type, flags thin points and mixes', () => {
    const report = computeHealthReport({
      points: [point('A-001', 'X'), point('A-002', 'Y'), point('A-003', 'Z')],
      items: [
        item('1', 'A-001'),
        item('2', 'A-001', { type: 'true_false', pinned: true }),
        item('3', 'A-001', { candidatesSeen: 2 }),
        item('4', 'A-001', { difficulty: 1 }),
        item('5', 'A-002', { status: 'draft', difficulty: 5 }),
        item('6', 'A-002', { status: 'retired' }),
      ],
    });
    expect(report.points.map((p) => [p.path, p.approved, p.thin])).toEqual([
      ['A-001', 4, false],
      ['A-002', 0, true],
      ['A-003', 0, true],
    ]);
    expect(report.points[0]?.byType).toMatchObject({ single_choice: 3, true_false: 1 });
    expect(report.thinPointCount).toBe(2);
    expect(report.byStatus).toMatchObject({ approved: 4, draft: 1, retired: 1 });
    expect(report.difficulty).toEqual({ '1': 1, '2': 0, '3': 3, '4': 0, '5': 1 });
    expect(report.importance.X).toEqual({ points: 1, approvedItems: 4 });
    expect(report.neverUsed).toEqual(['1', '4']);
  });

  it('flags items whose statistics are out of range', () => {
    const report = computeHealthReport({
      points: [point('A-001', 'X')],
      items: [
        item('easy', 'A-001', { p: 0.97 }),
        item('hard', 'A-001', { p: 0.1, discrimination: 0.1 }),
        item('fine', 'A-001', { p: 0.6, discrimination: 0.4 }),
      ],
    });
    expect(report.statisticsFlags).toEqual([
      { id: 'easy', reasons: ['难度值 p=0.97 过易（>0.95）'] },
      { id: 'hard', reasons: ['难度值 p=0.1 过难（<0.2）', '区分度 0.1 偏低（<0.2）'] },
    ]);
  });
});
