import type { AttemptScore } from '@skillexam/shared';
import { run, sql, type WritableDb } from '@skillexam/shared/sql';

/* The SQL of stored scores (`scores`, one row per attempt). */

/** Stores or replaces an attempt's score. */
export function upsertScore(
  db: WritableDb,
  attemptId: string,
  score: AttemptScore,
  now: number,
): void {
  run(
    db,
    sql`INSERT INTO scores (attempt_id, total, passed, detail_json, scored_at)
        VALUES (${attemptId}, ${score.total}, ${score.result === 'pass' ? 1 : 0}, ${JSON.stringify(score)}, ${now})
        ON CONFLICT (attempt_id) DO UPDATE SET total = excluded.total, passed = excluded.passed,
          detail_json = excluded.detail_json, scored_at = excluded.scored_at`,
  );
}
