import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortRows, visibleRowRange } from './virtual-rows';

describe('visibleRowRange', () => {
  it('covers every row in view and stays within the rows', () => {
    expect(visibleRowRange(0, 400, 40, 500, 0)).toEqual({ start: 0, end: 10 });
    expect(visibleRowRange(0, 400, 40, 0)).toEqual({ start: 0, end: 0 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 40, max: 1200 }),
        fc.integer({ min: 1, max: 600 }),
        (scrollTop, viewport, count) => {
          const { start, end } = visibleRowRange(scrollTop, viewport, 40, count, 2);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(count);
          for (let row = 0; row < count; row += 1) {
            const inView = row * 40 + 40 > scrollTop && row * 40 < scrollTop + viewport;
            if (inView) expect(row >= start && row < end).toBe(true);
          }
          expect(end - start).toBeLessThanOrEqual(Math.ceil(viewport / 40) + 6);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('sortRows', () => {
  const rows = [
    { roomId: 'r2', seat: 1, name: '赵敏', status: 'paused', answered: 5 },
    { roomId: 'r1', seat: 2, name: '张伟', status: 'in_progress', answered: 9 },
    { roomId: 'r1', seat: 1, name: '李军', status: 'in_progress', answered: 1 },
  ];
  it('sorts by seat within room, by name in Chinese order, by progress, both ways', () => {
    expect(sortRows(rows, 'seat', false).map((r) => r.name)).toEqual(['李军', '张伟', '赵敏']);
    expect(sortRows(rows, 'name', false).map((r) => r.name)).toEqual(['李军', '张伟', '赵敏']);
    expect(sortRows(rows, 'progress', true).map((r) => r.answered)).toEqual([9, 5, 1]);
    expect(sortRows(rows, 'status', false).map((r) => r.status)).toEqual([
      'in_progress',
      'in_progress',
      'paused',
    ]);
    expect(rows[0]?.name).toBe('赵敏'); // not sorted in place
  });
});
