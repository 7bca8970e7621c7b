import type { Store } from '../../src/db/store';

/** The audit records of one action, oldest first: actor and parsed payload. */
export function auditRows(
  store: Store,
  action: string,
): { actor: string; payload: Record<string, unknown> }[] {
  return (
    store.db
      .prepare('SELECT actor, payload_json FROM audit_log WHERE action = ? ORDER BY seq')
      .all(action) as { actor: string; payload_json: string }[]
  ).map((row) => ({
    actor: row.actor,
    payload: JSON.parse(row.payload_json) as Record<string, unknown>,
  }));
}
