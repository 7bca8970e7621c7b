import {
  defaultSeatLayout,
  type AttemptView,
  type RoomView,
  type SeatLayout,
} from '@skillexam/shared';

/*
 * Seat-map geometry: where each seat of a room's layout is drawn, how big a cell is for the
 * available width, and which rows are visible (the map renders only those, so a 500-seat room
 * costs what a screenful costs). Pure: tested in Node.
 */

export interface GridOptions {
  readonly minCellWidth: number;
  readonly maxCellWidth: number;
  readonly cellHeight: number;
  readonly gap: number;
}

export const DEFAULT_GRID: GridOptions = {
  minCellWidth: 96,
  maxCellWidth: 150,
  cellHeight: 66,
  gap: 8,
};

export interface GridGeometry {
  readonly rows: number;
  readonly columns: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly gap: number;
  /** Full size of the drawing, gaps included. */
  readonly width: number;
  readonly height: number;
}

export function gridGeometry(
  layout: Pick<SeatLayout, 'rows' | 'columns'>,
  containerWidth: number,
  options: GridOptions = DEFAULT_GRID,
): GridGeometry {
  const { gap } = options;
  const fit = Math.floor((containerWidth - gap * (layout.columns + 1)) / layout.columns);
  const cellWidth = Math.max(options.minCellWidth, Math.min(options.maxCellWidth, fit));
  return {
    rows: layout.rows,
    columns: layout.columns,
    cellWidth,
    cellHeight: options.cellHeight,
    gap,
    width: layout.columns * (cellWidth + gap) + gap,
    height: layout.rows * (options.cellHeight + gap) + gap,
  };
}

/** Top-left corner of the cell at 1-based `row`, `column`. */
export function cellPosition(
  geometry: GridGeometry,
  row: number,
  column: number,
): { x: number; y: number } {
  return {
    x: geometry.gap + (column - 1) * (geometry.cellWidth + geometry.gap),
    y: geometry.gap + (row - 1) * (geometry.cellHeight + geometry.gap),
  };
}

/** The 1-based rows (inclusive) intersecting the viewport, widened by `overscan` rows. */
export function visibleRows(
  geometry: GridGeometry,
  scrollTop: number,
  viewportHeight: number,
  overscan = 2,
): { first: number; last: number } {
  const pitch = geometry.cellHeight + geometry.gap;
  const first = Math.max(1, Math.floor((scrollTop - geometry.gap) / pitch) + 1 - overscan);
  const last = Math.min(
    geometry.rows,
    Math.floor((scrollTop + viewportHeight - geometry.gap) / pitch) + 1 + overscan,
  );
  return { first, last: Math.max(first - 1, last) };
}

export const FALLBACK_COLUMNS = 10;

/**
 * The room's drawn layout, or a plain grid of 10 columns covering every seat in use when the
 * server sent none (an older server, or a room nobody drew).
 */
export function layoutForRoom(
  room: RoomView | undefined,
  attempts: readonly Pick<AttemptView, 'seat'>[],
): SeatLayout {
  if (room !== undefined) return room.layout;
  const highest = attempts.reduce((max, a) => Math.max(max, a.seat), 1);
  return defaultSeatLayout(Math.min(999, highest), FALLBACK_COLUMNS);
}

/** Seats of `layout` grouped by row (1-based index), for row-wise virtual rendering. */
export function seatsByRow(layout: SeatLayout): Map<number, SeatLayout['seats']> {
  const rows = new Map<number, SeatLayout['seats']>();
  for (const seat of layout.seats) {
    const list = rows.get(seat.row);
    if (list === undefined) rows.set(seat.row, [seat]);
    else list.push(seat);
  }
  return rows;
}

export type SeatTone =
  'empty' | 'idle' | 'absent' | 'waiting' | 'active' | 'paused' | 'offline' | 'done' | 'voided';

/**
 * The colour class of a seat: its attempt's status, with 离线 winning over live states. 缺考
 * (absent) is status `absent`, or a candidate still `registered` whom the server listed absent
 * after the login cutoff (`listedAbsent`) — the same rule as the 缺考 count.
 */
export function seatTone(
  attempt: Pick<AttemptView, 'status'> | undefined,
  offline: boolean,
  listedAbsent = false,
): SeatTone {
  if (attempt === undefined) return 'empty';
  if (attempt.status === 'absent') return 'absent';
  if (offline) return 'offline';
  switch (attempt.status) {
    case 'registered':
      return listedAbsent ? 'absent' : 'idle';
    case 'logged_in':
    case 'admitted':
      return 'waiting';
    case 'in_progress':
      return 'active';
    case 'paused':
      return 'paused';
    case 'submitted':
    case 'force_submitted':
      return 'done';
    case 'voided':
      return 'voided';
  }
}

export const TONE_COLORS: Readonly<Record<SeatTone, { background: string; border: string }>> = {
  empty: { background: '#fafafa', border: '#f0f0f0' },
  idle: { background: '#f5f5f5', border: '#d9d9d9' },
  // drawn with a dashed border and grey text (SeatMap), so it differs from 未登录 beyond colour
  absent: { background: '#ffffff', border: '#8c8c8c' },
  waiting: { background: '#e6f4ff', border: '#69b1ff' },
  active: { background: '#f6ffed', border: '#73d13d' },
  paused: { background: '#fffbe6', border: '#ffc53d' },
  offline: { background: '#fff1f0', border: '#ff7875' },
  done: { background: '#f9f0ff', border: '#b37feb' },
  voided: { background: '#434343', border: '#262626' },
};
