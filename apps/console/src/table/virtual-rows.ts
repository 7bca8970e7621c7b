/*
 * Fixed-height row virtualization for the candidate table: which rows to render for a scroll
 * position (no measuring, so a re-render never forces a layout). Pure: tested in Node.
 */

export function visibleRowRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 4,
): { start: number; end: number } {
  if (rowCount === 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + viewportHeight) / rowHeight);
  return {
    start: Math.max(0, Math.min(rowCount - 1, first - overscan)),
    end: Math.min(rowCount, last + overscan),
  };
}

export type SortKey = 'seat' | 'name' | 'status' | 'progress';

export interface SortableRow {
  readonly roomId: string;
  readonly seat: number;
  readonly name: string;
  readonly status: string;
  readonly answered: number;
}

/** Sorted copy: by seat (room, then number), name (pinyin collation), status or progress. */
export function sortRows<T extends SortableRow>(
  rows: readonly T[],
  key: SortKey,
  descending: boolean,
): T[] {
  const collator = new Intl.Collator('zh-CN');
  const compare = (a: T, b: T): number => {
    switch (key) {
      case 'seat':
        return a.roomId === b.roomId ? a.seat - b.seat : collator.compare(a.roomId, b.roomId);
      case 'name':
        return collator.compare(a.name, b.name) || a.seat - b.seat;
      case 'status':
        return collator.compare(a.status, b.status) || a.seat - b.seat;
      case 'progress':
        return a.answered - b.answered || a.seat - b.seat;
    }
  };
  const sorted = [...rows].sort(compare);
  return descending ? sorted.reverse() : sorted;
}
