import { createHash } from 'node:crypto';
import { queryAll, sql, sqlId, type ReadableDb } from '@skillexam/shared/sql';

/** Every table that holds bank content (not the FTS shadow tables, which follow `items`). */
export const CONTENT_TABLES = [
  'occupations',
  'standards',
  'theory_weights',
  'ranges',
  'range_weights',
  'points',
  'items',
  'item_texts',
  'item_versions',
  'item_tags',
  'review_events',
  'assets',
  'paper_pins',
  'papers',
  'duplicate_flags',
  'statistics_imports',
  'item_version_statistics',
] as const;

function canonical(value: unknown): unknown {
  return value instanceof Uint8Array ? `blob:${Buffer.from(value).toString('hex')}` : value;
}

/**
 * A SHA-256 over every row of every content table, independent of row order: two banks with
 * the same content have the same hash. Tests use it to prove a failed import changed nothing.
 */
export function bankContentHash(db: ReadableDb): string {
  const hash = createHash('sha256');
  for (const table of CONTENT_TABLES) {
    const rows = queryAll<Record<string, unknown>>(db, sql`SELECT * FROM ${sqlId(table)}`)
      .map((row) =>
        JSON.stringify(Object.entries(row).map(([key, value]) => [key, canonical(value)])),
      )
      .sort();
    hash.update(`${table}:${rows.length}\n`);
    for (const row of rows) hash.update(`${row}\n`);
  }
  return hash.digest('hex');
}
