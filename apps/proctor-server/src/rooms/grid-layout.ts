import { CodedError, type SeatLayout } from '@skillexam/shared';

/*
 * A seat map from a rows × columns grid with gaps (aisles, pillars), numbered row by row from
 * the front left and labelled 01, 02, … — what `room set-layout --rows --columns --gaps` draws.
 */

/** "2:3,4:1" → cells (row 2 column 3, row 4 column 1). */
export function parseGaps(spec: string): { row: number; column: number }[] {
  if (spec.trim() === '') return [];
  return spec.split(',').map((part) => {
    const match = /^\s*(\d{1,3})\s*:\s*(\d{1,3})\s*$/.exec(part);
    if (match === null) {
      throw new CodedError('BAD_REQUEST', `--gaps: “${part}”应为 行:列，例如 2:3 (row:column)`);
    }
    return { row: Number(match[1]), column: Number(match[2]) };
  });
}

export function gridLayout(
  rows: number,
  columns: number,
  gaps: readonly { row: number; column: number }[] = [],
): SeatLayout {
  for (const [name, value] of [
    ['rows', rows],
    ['columns', columns],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 100)
      throw new CodedError('BAD_REQUEST', `${name}: 应为 1–100 的整数，收到 ${value}`);
  }
  const skip = new Set(gaps.map((g) => `${g.row}:${g.column}`));
  for (const gap of gaps) {
    if (gap.row > rows || gap.column > columns || gap.row < 1 || gap.column < 1)
      throw new CodedError(
        'BAD_REQUEST',
        `空位 ${gap.row}:${gap.column} 不在 ${rows}×${columns} 的座位图内`,
      );
  }
  const total = rows * columns - skip.size;
  if (total < 1) throw new CodedError('BAD_REQUEST', '座位图没有座位 (no seats left)');
  if (total > 999) throw new CodedError('BAD_REQUEST', `座位过多: ${total}，上限 999`);
  const digits = total >= 100 ? 3 : 2;
  const seats: SeatLayout['seats'] = [];
  for (let row = 1; row <= rows; row += 1) {
    for (let column = 1; column <= columns; column += 1) {
      if (skip.has(`${row}:${column}`)) continue;
      const seat = seats.length + 1;
      seats.push({ seat, label: String(seat).padStart(digits, '0'), row, column });
    }
  }
  return { rows, columns, seats };
}
