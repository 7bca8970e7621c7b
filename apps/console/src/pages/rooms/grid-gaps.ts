import type { SeatLayout } from '@skillexam/shared';

/*
 * The seat-map editor's state: rows × columns, aisle columns (no seat in the whole column) and
 * disabled cells. The server draws the numbered map from these (POST /api/sessions/room-grid);
 * here they only turn into the request's gaps and back. Pure, tested.
 */

export interface GridDraft {
  readonly rows: number;
  readonly columns: number;
  readonly aisles: readonly number[];
  /** "row:column" of disabled seats. */
  readonly disabled: readonly string[];
}

export const cellKey = (row: number, column: number) => `${row}:${column}`;

export function gapsOf(draft: GridDraft): { row: number; column: number }[] {
  const gaps = new Map<string, { row: number; column: number }>();
  for (const column of draft.aisles) {
    if (column > draft.columns) continue;
    for (let row = 1; row <= draft.rows; row += 1) gaps.set(cellKey(row, column), { row, column });
  }
  for (const key of draft.disabled) {
    const [row, column] = key.split(':').map(Number);
    if (row === undefined || column === undefined) continue;
    if (row > draft.rows || column > draft.columns) continue;
    gaps.set(key, { row, column });
  }
  return [...gaps.values()];
}

/** The draft that redraws a stored layout: empty whole columns become aisles. */
export function draftOf(layout: SeatLayout): GridDraft {
  const used = new Set(layout.seats.map((s) => cellKey(s.row, s.column)));
  const aisles: number[] = [];
  const disabled: string[] = [];
  for (let column = 1; column <= layout.columns; column += 1) {
    const empty = [];
    for (let row = 1; row <= layout.rows; row += 1)
      if (!used.has(cellKey(row, column))) empty.push(cellKey(row, column));
    if (empty.length === layout.rows && layout.rows > 1) aisles.push(column);
    else disabled.push(...empty);
  }
  return { rows: layout.rows, columns: layout.columns, aisles, disabled };
}

export function toggleDisabled(draft: GridDraft, row: number, column: number): GridDraft {
  const key = cellKey(row, column);
  const disabled = draft.disabled.includes(key)
    ? draft.disabled.filter((k) => k !== key)
    : [...draft.disabled, key];
  return { ...draft, disabled };
}
