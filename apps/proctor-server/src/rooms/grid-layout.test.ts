import { SeatLayoutSchema } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { gridLayout, parseGaps } from './grid-layout';

describe('gridLayout', () => {
  it('numbers seats row by row, skipping gaps, with two-digit labels', () => {
    const layout = gridLayout(2, 3, parseGaps('1:2'));
    expect(layout.seats.map((s) => `${s.label}@${s.row}:${s.column}`)).toEqual([
      '01@1:1',
      '02@1:3',
      '03@2:1',
      '04@2:2',
      '05@2:3',
    ]);
    expect(SeatLayoutSchema.parse(layout)).toEqual(layout);
  });

  it('refuses gaps outside the grid, bad gap syntax, empty and oversized grids', () => {
    expect(() => gridLayout(2, 2, [{ row: 3, column: 1 }])).toThrow(/不在 2×2/);
    expect(() => parseGaps('2-3')).toThrow(/行:列/);
    expect(() => gridLayout(1, 1, [{ row: 1, column: 1 }])).toThrow(/没有座位/);
    expect(() => gridLayout(0, 3)).toThrow(/rows/);
    expect(() => gridLayout(40, 30)).toThrow(/上限 999/);
  });
});
