/*
 * One rule for the values both stores return (docs/decisions/1001-center-number-rule.md), so a
 * repository reads the same JavaScript values from PGlite and from `pg`:
 *   - int2/int4/int8 (bigint, bigserial, count(*)) → number; an int8 beyond 2^53 throws
 *     rather than silently losing digits (sequence numbers and counts never get there);
 *   - numeric → number (scores and marks: a few digits, never money);
 *   - date → the `YYYY-MM-DD` text as stored (no time zone guessing);
 *   - timestamptz → Date; json/jsonb → the parsed value; boolean → boolean.
 * Parameters: pass JSON as `JSON.stringify(value)` with a `$n::jsonb` cast (`pg` would turn a
 * JavaScript array into a PostgreSQL array literal).
 */

export const OID = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
} as const;

export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`bigint ${text} is beyond 2^53 and cannot be read as a number`);
  }
  return value;
}

export function parseNumeric(text: string): number {
  return Number(text);
}

export function parseDate(text: string): string {
  return text;
}

/** The parsers both stores install, by type oid. */
export const VALUE_PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  [OID.INT8]: parseInt8,
  [OID.NUMERIC]: parseNumeric,
  [OID.DATE]: parseDate,
};
