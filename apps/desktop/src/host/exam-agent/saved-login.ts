import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AttemptViewSchema, type AttemptView } from '@skillexam/shared';

/** What a kiosk needs to resume an attempt without the server (docs/decisions/0455). */
export interface SavedLogin {
  readonly attemptId: string;
  readonly token: string;
  /** The last attempt view, its serverTime moved forward by the local time since it was saved. */
  readonly attempt: AttemptView;
}

/** The exam code is never stored; this salted hash only recognises the same login again. */
export function loginCodeHash(admissionTicketNumber: string, examCode: string): string {
  return createHash('sha256')
    .update(
      `skillexam-kiosk-login\0${admissionTicketNumber.trim()}\0${examCode.trim().toUpperCase()}`,
    )
    .digest('hex');
}

/** Writes the saved login into an open journal (one row, replaced). */
export function saveLogin(
  db: Database.Database,
  admissionTicketNumber: string,
  examCode: string,
  token: string,
  attempt: AttemptView,
  localNow: number,
): void {
  db.prepare(
    `INSERT INTO saved_login (id, admission_ticket, code_hash, token, attempt_json, saved_at_local)
     VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET admission_ticket = excluded.admission_ticket,
       code_hash = excluded.code_hash, token = excluded.token,
       attempt_json = excluded.attempt_json, saved_at_local = excluded.saved_at_local`,
  ).run(
    admissionTicketNumber.trim(),
    loginCodeHash(admissionTicketNumber, examCode),
    token,
    JSON.stringify(attempt),
    localNow,
  );
}

/** Keeps the saved attempt view current (status, deadline, pause) as the server reports it. */
export function updateSavedAttempt(
  db: Database.Database,
  attempt: AttemptView,
  localNow: number,
): void {
  db.prepare('UPDATE saved_login SET attempt_json = ?, saved_at_local = ? WHERE id = 1').run(
    JSON.stringify(attempt),
    localNow,
  );
}

/**
 * Looks through the journals in `journalDir` for an unfinished attempt this candidate logged in
 * to before (same ticket, same exam code). Journals that cannot be read are skipped.
 */
export function findSavedLogin(
  journalDir: string,
  admissionTicketNumber: string,
  examCode: string,
  localNow: number,
): SavedLogin | undefined {
  let files: string[];
  try {
    files = readdirSync(journalDir).filter((f) => f.endsWith('.journal.db'));
  } catch {
    return undefined;
  }
  const codeHash = loginCodeHash(admissionTicketNumber, examCode);
  for (const file of files) {
    let db: Database.Database | undefined;
    try {
      db = new Database(join(journalDir, file), { readonly: true, fileMustExist: true });
      const row = db
        .prepare(
          'SELECT token, attempt_json, saved_at_local FROM saved_login WHERE id = 1 AND admission_ticket = ? AND code_hash = ?',
        )
        .get(admissionTicketNumber.trim(), codeHash) as
        { token: string; attempt_json: string; saved_at_local: number } | undefined;
      if (row === undefined) continue;
      const saved = AttemptViewSchema.parse(JSON.parse(row.attempt_json));
      const elapsed = Math.max(0, localNow - row.saved_at_local);
      return {
        attemptId: saved.attemptId,
        token: row.token,
        attempt: { ...saved, serverTime: saved.serverTime + elapsed },
      };
    } catch {
      continue; // an older journal without the table, or a damaged file
    } finally {
      db?.close();
    }
  }
  return undefined;
}
