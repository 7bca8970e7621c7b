import { queryOne, run, sql, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';

/* The SQL of journal.db's saved login (docs/decisions/0455); the rules live in saved-login.ts. */

export interface SavedLoginRow {
  readonly token: string;
  readonly attempt_json: string;
  readonly saved_at_local: number;
}

/** One row, replaced. */
export function putSavedLogin(
  db: WritableDb,
  row: {
    readonly admissionTicket: string;
    readonly codeHash: string;
    readonly token: string;
    readonly attemptJson: string;
    readonly savedAtLocal: number;
  },
): void {
  run(
    db,
    sql`INSERT INTO saved_login (id, admission_ticket, code_hash, token, attempt_json, saved_at_local)
        VALUES (1, ${row.admissionTicket}, ${row.codeHash}, ${row.token}, ${row.attemptJson}, ${row.savedAtLocal})
        ON CONFLICT (id) DO UPDATE SET admission_ticket = excluded.admission_ticket,
          code_hash = excluded.code_hash, token = excluded.token,
          attempt_json = excluded.attempt_json, saved_at_local = excluded.saved_at_local`,
  );
}

export function updateSavedAttemptJson(
  db: WritableDb,
  attemptJson: string,
  savedAtLocal: number,
): void {
  run(
    db,
    sql`UPDATE saved_login SET attempt_json = ${attemptJson}, saved_at_local = ${savedAtLocal} WHERE id = 1`,
  );
}

/** The saved login of this ticket and code hash; throws on a journal without the table. */
export function findSavedLoginRow(
  db: ReadableDb,
  admissionTicket: string,
  codeHash: string,
): SavedLoginRow | undefined {
  return queryOne<SavedLoginRow>(
    db,
    sql`SELECT token, attempt_json, saved_at_local FROM saved_login
        WHERE id = 1 AND admission_ticket = ${admissionTicket} AND code_hash = ${codeHash}`,
  );
}
