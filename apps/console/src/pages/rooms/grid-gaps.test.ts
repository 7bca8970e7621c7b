import { describe, expect, it } from 'vitest';
import { draftOf, gapsOf, toggleDisabled } from './grid-gaps';

describe('seat-map editor draft', () => {
  it('turns aisles and disabled seats into gaps, ignoring cells outside the grid', () => {
    const draft = { rows: 2, columns: 4, aisles: [3, 9], disabled: ['2:4', '5:1', '2:3'] };
    expect(gapsOf(draft)).toEqual([
      { row: 1, column: 3 },
      { row: 2, column: 3 },
      { row: 2, column: 4 },
    ]);
  });

  it('redraws a stored layout: empty columns as aisles, single holes as disabled', () => {
    const seats = [
      [1, 1],
      [1, 2],
      [2, 1],
    ].map(([row, column], i) => ({
      seat: i + 1,
      label: String(i + 1),
      row: row!,
      column: column!,
    }));
    expect(draftOf({ rows: 2, columns: 3, seats })).toEqual({
      rows: 2,
      columns: 3,
      aisles: [3],
      disabled: ['2:2'],
    });
    const toggled = toggleDisabled({ rows: 1, columns: 2, aisles: [], disabled: [] }, 1, 2);
    expect(toggled.disabled).toEqual(['1:2']);
    expect(toggleDisabled(toggled, 1, 2).disabled).toEqual([]);
  });
});
