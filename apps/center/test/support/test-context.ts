import { createPgAuditLog } from '../../src/audit/pg-audit-log';
import type { CenterDb } from '../../src/db/center-db';
import type { CenterContext } from '../../src/http/center-route';

/** A CenterContext over a test store with the real audit chain; `now` and the URL can be set. */
export function testContext(
  db: CenterDb,
  overrides: { readonly now?: () => Date; readonly publicBaseUrl?: string } = {},
): CenterContext {
  const now = overrides.now ?? (() => new Date());
  return {
    db,
    audit: createPgAuditLog(now),
    publicBaseUrl: overrides.publicBaseUrl ?? 'http://centre.test',
    now,
  };
}
