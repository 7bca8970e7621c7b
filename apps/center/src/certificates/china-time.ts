/*
 * Certificates are dated in China Standard Time (UTC+8, no daylight saving): the year in the
 * number, the issue date on the face and the month of the statistics are all Beijing dates.
 */

const OFFSET_MS = 8 * 3_600_000;

export interface ChinaDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

export function chinaDate(instant: Date): ChinaDate {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** `2026年6月1日`. */
export function chinaDateText(instant: Date): string {
  const { year, month, day } = chinaDate(instant);
  return `${String(year)}年${String(month)}月${String(day)}日`;
}

/** `2026-06-01`. */
export function chinaIsoDate(instant: Date): string {
  const { year, month, day } = chinaDate(instant);
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instants [from, to) of a Beijing calendar month (`2026-06`). */
export function chinaMonthBounds(month: string): { from: Date; to: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (match === null) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return {
    from: new Date(Date.UTC(year, index, 1) - OFFSET_MS),
    to: new Date(Date.UTC(year, index + 1, 1) - OFFSET_MS),
  };
}
