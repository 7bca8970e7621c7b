import type { CenterRoute } from '../http/center-route';
import { MAX_PACKAGE_BYTES } from './ingest-package';
import { ingestPackage } from './ingest-service';
import { PushLimiter } from './push-rate-limit';

/*
 * Ways a results package comes in over HTTP (docs/decisions/1011, 1013):
 *   POST /api/packages             raw upload by org_staff of the site's organisation
 *   POST /api/site-push/packages   the site's own push (`proctor-server results push`): public,
 *                                  the signature by the enrolled key is the credential; capped
 *                                  and rate-limited per address
 * Both answer `{ ok: true, data: IngestOutcome }` (status `ingested` / `already_ingested`) or the
 * refusal `{ ok: false, error: { code, message: 'REASON: 中文 (English)' } }`.
 */

export const SITE_PUSH_PATH = '/api/site-push/packages';

function bytesOf(body: unknown): Uint8Array {
  return body instanceof Uint8Array ? body : new Uint8Array(0);
}

export function ingestRoutes(limiter = new PushLimiter()): readonly CenterRoute[] {
  return [
    {
      method: 'POST',
      path: '/api/packages',
      roles: ['org_staff'],
      raw: { maxBytes: MAX_PACKAGE_BYTES },
      async handle(ctx, request) {
        const principal = request.principal;
        if (principal === undefined) throw new Error('staff route without a principal');
        const outcome = await ingestPackage(
          ctx,
          { kind: 'staff', principal },
          bytesOf(request.body),
        );
        return { kind: 'json', status: outcome.status === 'ingested' ? 201 : 200, data: outcome };
      },
    },
    {
      method: 'POST',
      path: SITE_PUSH_PATH,
      roles: 'public',
      raw: { maxBytes: MAX_PACKAGE_BYTES },
      async handle(ctx, request) {
        const outcome = await limiter.run(request.remoteAddress, () =>
          ingestPackage(ctx, { kind: 'site' }, bytesOf(request.body)),
        );
        return { kind: 'json', status: outcome.status === 'ingested' ? 201 : 200, data: outcome };
      },
    },
  ];
}
