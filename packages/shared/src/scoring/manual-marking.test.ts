import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../protocol/ack';
import { finalizeManualMark, type ManualMark } from './manual-marking';

const mark = (markerId: string, points: number): ManualMark => ({
  markerId,
  points,
  markedAt: '2026-06-01T10:00:00Z',
});

describe('finalizeManualMark', () => {
  it('single marking: the one mark is final', () => {
    expect(finalizeManualMark(10, [])).toMatchObject({ status: 'awaiting_marks', marksNeeded: 1 });
    expect(finalizeManualMark(10, [mark('m1', 7)])).toMatchObject({
      status: 'final',
      points: 7,
      method: 'single',
    });
  });

  it('double marking: averages close marks, asks for a third when they differ', () => {
    const policy = { markersRequired: 2, tolerance: 2 } as const;
    expect(finalizeManualMark(10, [mark('m1', 7)], policy)).toMatchObject({
      status: 'awaiting_marks',
      marksNeeded: 1,
    });
    expect(finalizeManualMark(10, [mark('m1', 7), mark('m2', 8.5)], policy)).toMatchObject({
      status: 'final',
      points: 7.75,
      method: 'average',
    });
    expect(finalizeManualMark(10, [mark('m1', 3), mark('m2', 8)], policy)).toMatchObject({
      status: 'needs_third_marker',
      difference: 5,
      tolerance: 2,
    });
    const arbitrated = finalizeManualMark(
      10,
      [mark('m1', 3), mark('m2', 8), mark('m3', 7)],
      policy,
    );
    expect(arbitrated).toMatchObject({ status: 'final', points: 7.5, method: 'arbitrated' });
    if (arbitrated.status === 'final') {
      expect(arbitrated.marks.map((m) => m.markerId)).toEqual(['m1', 'm2', 'm3']);
    }
  });

  it('defaults the tolerance to 20 % of the points', () => {
    const policy = { markersRequired: 2 } as const;
    expect(finalizeManualMark(10, [mark('a', 5), mark('b', 7)], policy).status).toBe('final');
    expect(finalizeManualMark(10, [mark('a', 5), mark('b', 7.5)], policy).status).toBe(
      'needs_third_marker',
    );
  });

  it('rejects marks out of range, repeated markers and surplus marks', () => {
    expect(() => finalizeManualMark(5, [mark('a', 6)])).toThrow(CodedError);
    expect(() => finalizeManualMark(5, [mark('a', -1)])).toThrow(/0–5/);
    expect(() =>
      finalizeManualMark(5, [mark('a', 2), mark('a', 3)], { markersRequired: 2 }),
    ).toThrow(/重复评分/);
    expect(() => finalizeManualMark(5, [mark('a', 2), mark('b', 3)])).toThrow(/单评/);
    expect(() =>
      finalizeManualMark(5, [mark('a', 2), mark('b', 2), mark('c', 2)], { markersRequired: 2 }),
    ).toThrow(/三评/);
  });

  it('property: a final score lies between the lowest and highest mark', () => {
    const score = fc.integer({ min: 0, max: 20 }).map((n) => n / 2);
    fc.assert(
      fc.property(score, score, score, (a, b, c) => {
        const outcome = finalizeManualMark(
          10,
          [mark('a', a), mark('b', b), mark('c', c)].slice(0, Math.abs(a - b) <= 2 ? 2 : 3),
          { markersRequired: 2 },
        );
        expect(outcome.status).toBe('final');
        if (outcome.status !== 'final') return;
        const given = outcome.marks.map((m) => m.points);
        expect(outcome.points).toBeGreaterThanOrEqual(Math.min(...given));
        expect(outcome.points).toBeLessThanOrEqual(Math.max(...given));
      }),
      { numRuns: 200 },
    );
  });
});
