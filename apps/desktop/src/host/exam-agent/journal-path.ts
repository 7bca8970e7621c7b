import { join } from 'node:path';

/** One journal file per attempt; the id is sanitised so it can never leave the folder. */
export function journalPath(journalDir: string, attemptId: string): string {
  return join(journalDir, `${attemptId.replace(/[^A-Za-z0-9_-]/g, '_')}.journal.db`);
}
