import { describe, expect, it } from 'vitest';
import {
  buildItemStatistics,
  buildItemStatisticsExport,
  itemScoreMatrixCsv,
} from '../../src/results/item-statistics';
import { keys, results } from './results-fixture';

describe('item statistics for the bank', () => {
  it('counts responses of candidates who sat, with difficulty, discrimination and option counts', () => {
    const stats = buildItemStatistics(keys, results);
    expect(stats.map((s) => `${s.itemId}@${s.version}`)).toEqual([
      'tf1@1',
      'tf2@3',
      'sc1@1',
      'sc2@1',
      'mc1@2',
      'fb1@1',
      'sa1@1',
    ]);
    const tf1 = stats[0];
    // tf1: 张三 ✓, 李四 ✓, 王五 ✗, 孙八 ✓ (voided and absent excluded) → mean 1.5, p = 0.75
    expect(tf1).toMatchObject({
      responses: 4,
      answered: 4,
      meanPoints: 1.5,
      difficulty: 0.75,
      maxPoints: 2,
    });
    expect(tf1?.discrimination).toBeGreaterThan(0);
    const sc1 = stats[2];
    expect(sc1?.optionCounts).toEqual({ A: 1, B: 3 });
    const sa1 = stats[6];
    // 王五's and 孙八's short answers are not marked: two marked responses out of three answers (李四 left it blank).
    expect(sa1).toMatchObject({ responses: 2, answered: 3 });
    expect(sa1?.optionCounts).toBeUndefined();
    const fb1 = stats[5];
    expect(fb1).toMatchObject({ responses: 4, answered: 1, difficulty: 0.25 });
  });

  it('exports JSON and an anonymous item × candidate CSV', () => {
    const exported = buildItemStatisticsExport({
      keys,
      sessionId: 's1',
      results,
      generatedAt: new Date('2026-06-01T04:00:00Z'),
    });
    expect(exported).toMatchObject({
      format: 'skillexam-item-stats',
      version: 1,
      examId: 'paper-dg-3',
      candidates: 4,
    });
    const csv = itemScoreMatrixCsv(keys, results);
    const lines = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('candidate,tf1@1,tf2@3,sc1@1,sc2@1,mc1@2,fb1@1,sa1@1,total');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('C0004,2,2,2,2,4,0,,12');
    expect(lines[1]).toBe('C0001,2,0,0,2,0,0,2,6');
    expect(lines[3]).toBe('C0003,0,0,2,0,0,0,,2');
    expect(csv).not.toContain('张三');
    expect(csv).not.toContain('110101');
  });
});
