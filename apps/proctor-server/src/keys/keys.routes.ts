import { RevokeKeyRequestSchema, TrustKeyRequestSchema } from '@skillexam/shared';
import { transaction } from '@skillexam/shared/sql';
import type { Components } from '../components';
import { sitePackageKey, trustSigningKey } from '../exams/package-keys';
import type { Router } from '../http/router';
import { readJsonInput, staffRoute, type StaffRouteDeps } from '../http/staff-route';
import { listTrustedKeys, revokeTrustedKey } from './trusted-keys';

/*
 * The site's keys over HTTP, for the console's 密钥与试卷包 page (admin; docs/decisions/0960):
 *   GET  /api/keys/site            what `proctor-server package key` prints: key id + PEM
 *   GET  /api/keys/trusted         trusted signing keys, who trusted each
 *   POST /api/keys/trusted         { pem, label }  as `package trust` (same check, audited)
 *   POST /api/keys/trusted/revoke  { keyId, reason }  audited
 */

export function addKeyRoutes(router: Router, components: Components): Router {
  const { store, now } = components;
  const deps: StaffRouteDeps = { db: store.db, now };
  const actor = (username: string) => `staff:${username}`;
  return router
    .get(
      '/api/keys/site',
      staffRoute(deps, () => {
        const key = transaction(store.db, () => sitePackageKey(store.db, now()));
        return { keyId: key.keyId, publicKeyPem: key.publicKeyPem };
      }),
    )
    .get(
      '/api/keys/trusted',
      staffRoute(deps, () => listTrustedKeys(store.db)),
    )
    .post(
      '/api/keys/trusted',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, TrustKeyRequestSchema);
        const keyId = trustSigningKey(
          store.db,
          store.audit,
          input.pem,
          input.label,
          actor(staff.username),
          now(),
        );
        return { keyId };
      }),
    )
    .post(
      '/api/keys/trusted/revoke',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, RevokeKeyRequestSchema);
        return revokeTrustedKey(store.db, store.audit, input, actor(staff.username), now());
      }),
    );
}
