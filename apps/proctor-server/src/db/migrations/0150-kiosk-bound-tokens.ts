import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * A candidate token remembers the enrolled kiosk it was issued at (docs/decisions/0216, 0218):
 * the exit grant finds the candidate sitting at a kiosk that proves itself without a bearer
 * token, and revoking a kiosk revokes the sessions running on it. NULL for web-shell logins and
 * staff tokens, and for tokens issued before this step.
 */
export function migrate0150(db: WritableDb): void {
  execScript(
    db,
    `
    ALTER TABLE auth_tokens ADD COLUMN kiosk_id TEXT REFERENCES kiosks (id);
    CREATE INDEX auth_tokens_kiosk ON auth_tokens (kiosk_id) WHERE kiosk_id IS NOT NULL;
    CREATE INDEX exit_grants_kiosk ON exit_grants (kiosk_id) WHERE kiosk_id IS NOT NULL;
    `,
  );
}
