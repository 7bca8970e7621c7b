import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AttemptViewSchema, type AttemptView } from '@skillexam/shared';
import type { ReadableDb, WritableDb } from '@skillexam/shared/sql';
import { openJournalReadOnly } from './journal/journal-repository';
import {
  findSavedLoginRow,
  putSavedLogin,
  updateSavedAttemptJson,
} from './journal/saved-login-repository';

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
  db: WritableDb,
  admissionTicketNumber: string,
  examCode: string,
  token: string,
  attempt: AttemptView,
  localNow: number,
): void {
  putSavedLogin(db, {
    admissionTicket: admissionTicketNumber.trim(),
    codeHash: loginCodeHash(admissionTicketNumber, examCode),
    token,
    attemptJson: JSON.stringify(attempt),
    savedAtLocal: localNow,
  });
}

/** Keeps the saved attempt view current (status, deadline, pause) as the server reports it. */
export function updateSavedAttempt(db: WritableDb, attempt: AttemptView, localNow: number): void {
  updateSavedAttemptJson(db, JSON.stringify(attempt), localNow);
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
    let db: ReadableDb | undefined;
    try {
      db = openJournalReadOnly(join(journalDir, file));
      const row = findSavedLoginRow(db, admissionTicketNumber.trim(), codeHash);
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
