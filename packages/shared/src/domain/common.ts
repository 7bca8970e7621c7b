import { z } from 'zod';

/** An opaque identifier (UUID, ULID, database key…); the same bounds the protocol uses. */
export const EntityIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'An id uses letters, digits, "_", ".", ":" or "-"');
export type EntityId = z.infer<typeof EntityIdSchema>;

/** An ISO 8601 timestamp with `Z` or an explicit offset, e.g. `2025-06-01T09:00:00+08:00`. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export type IsoDateTime = z.infer<typeof IsoDateTimeSchema>;

/** A display name or title: trimmed, not empty. */
export function nameSchema(max = 200) {
  return z.string().trim().min(1, 'Must not be empty').max(max);
}

/** A percentage 0–100 (a 权重 / 鉴定比重). */
export const PercentSchema = z.number().min(0).max(100);

/** Two sums are equal up to floating-point noise (0.5-point items, decimal weights). */
export function sumsMatch(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) < 1e-6;
}

/** Values that occur more than once, each reported once, in first-seen order. */
export function findDuplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const duplicates = new Set<T>();
  for (const value of values) {
    if (seen.has(value)) duplicates.add(value);
    seen.add(value);
  }
  return [...duplicates];
}
