import { queryAll, run, sql, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';

/* The SQL of manual marks (`manual_marks`, one row per marker and item); rules in marking-service.ts. */

export interface ManualMarkRow {
  readonly marker: string;
  readonly points: number;
  readonly comment: string | null;
  readonly marked_at: number;
}

export function insertManualMark(
  db: WritableDb,
  mark: {
    readonly attemptId: string;
    readonly itemId: string;
    readonly marker: string;
    readonly points: number;
    readonly comment: string | null;
    readonly markedAt: number;
  },
): void {
  run(
    db,
    sql`INSERT INTO manual_marks (attempt_id, item_id, marker, points, comment, marked_at)
        VALUES (${mark.attemptId}, ${mark.itemId}, ${mark.marker}, ${mark.points}, ${mark.comment}, ${mark.markedAt})`,
  );
}

/** Marks of one item of an attempt, in the order they were given. */
export function manualMarkRows(db: ReadableDb, attemptId: string, itemId: string): ManualMarkRow[] {
  return queryAll<ManualMarkRow>(
    db,
    sql`SELECT marker, points, comment, marked_at FROM manual_marks
        WHERE attempt_id = ${attemptId} AND item_id = ${itemId} ORDER BY marked_at, rowid`,
  );
}
