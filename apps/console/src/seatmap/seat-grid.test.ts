import fc from 'fast-check';
import { defaultSeatLayout } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import {
  cellPosition,
  DEFAULT_GRID,
  gridGeometry,
  layoutForRoom,
  seatsByRow,
  seatTone,
  TONE_COLORS,
  visibleRows,
} from './seat-grid';

describe('seat-map geometry', () => {
  it('fits the columns into the width between the minimum and maximum cell width', () => {
    const layout = { rows: 5, columns: 6 };
    const wide = gridGeometry(layout, 2000);
    expect(wide.cellWidth).toBe(DEFAULT_GRID.maxCellWidth);
    const fitted = gridGeometry(layout, 6 * 120 + 7 * 8);
    expect(fitted.cellWidth).toBe(120);
    expect(fitted.width).toBe(6 * 120 + 7 * 8);
    const narrow = gridGeometry(layout, 300);
    expect(narrow.cellWidth).toBe(DEFAULT_GRID.minCellWidth);
    expect(narrow.width).toBeGreaterThan(300); // the map scrolls sideways
    expect(narrow.height).toBe(5 * (DEFAULT_GRID.cellHeight + 8) + 8);
  });

  it('places cells on a regular pitch', () => {
    const g = gridGeometry({ rows: 3, columns: 3 }, 3 * 100 + 4 * 8);
    expect(cellPosition(g, 1, 1)).toEqual({ x: 8, y: 8 });
    expect(cellPosition(g, 2, 3)).toEqual({ x: 8 + 2 * 108, y: 8 + 74 });
  });

  it('renders only the rows in view (plus overscan), and every row in view', () => {
    const g = gridGeometry({ rows: 85, columns: 6 }, 900);
    expect(visibleRows(g, 0, 600, 0)).toEqual({ first: 1, last: 9 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: g.height }),
        fc.integer({ min: 50, max: 1200 }),
        (scrollTop, viewport) => {
          const { first, last } = visibleRows(g, scrollTop, viewport, 1);
          expect(first).toBeGreaterThanOrEqual(1);
          expect(last).toBeLessThanOrEqual(g.rows);
          for (let row = 1; row <= g.rows; row += 1) {
            const { y } = cellPosition(g, row, 1);
            const inView = y + g.cellHeight > scrollTop && y < scrollTop + viewport;
            if (inView) expect(row >= first && row <= last, `row ${row}`).toBe(true);
          }
          expect(last - first + 1).toBeLessThanOrEqual(Math.ceil(viewport / 74) + 4);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('uses the room layout, or a 10-column grid covering the highest seat', () => {
    const layout = defaultSeatLayout(30, 6);
    expect(layoutForRoom({ roomId: 'r1', name: 'x', seatCount: 30, layout }, [])).toBe(layout);
    const fallback = layoutForRoom(undefined, [{ seat: 3 }, { seat: 42 }]);
    expect(fallback.columns).toBe(10);
    expect(fallback.seats).toHaveLength(42);
    expect(
      seatsByRow(fallback)
        .get(5)
        ?.map((s) => s.seat),
    ).toEqual([41, 42]);
  });

  it('colours a seat by status, offline first', () => {
    expect(seatTone(undefined, false)).toBe('empty');
    expect(seatTone({ status: 'in_progress' }, false)).toBe('active');
    expect(seatTone({ status: 'in_progress' }, true)).toBe('offline');
    expect(seatTone({ status: 'force_submitted' }, false)).toBe('done');
    expect(seatTone({ status: 'voided' }, false)).toBe('voided');
  });

  it('marks 缺考: status absent, or still registered and on the absent list', () => {
    expect(seatTone({ status: 'registered' }, false)).toBe('idle');
    expect(seatTone({ status: 'registered' }, false, false)).toBe('idle');
    expect(seatTone({ status: 'registered' }, false, true)).toBe('absent');
    expect(seatTone({ status: 'absent' }, false)).toBe('absent');
    expect(seatTone({ status: 'absent' }, true)).toBe('absent');
    // the list names only candidates who never logged in: a live candidate keeps their tone
    expect(seatTone({ status: 'in_progress' }, false, true)).toBe('active');
    expect(seatTone({ status: 'submitted' }, false, true)).toBe('done');
    expect(seatTone(undefined, false, true)).toBe('empty');
  });

  it('gives 缺考 its own look, not the one of 未登录', () => {
    expect(TONE_COLORS.absent).not.toEqual(TONE_COLORS.idle);
  });
});
