import type { CenterRoute } from '../http/center-route';
import { similarPairs, siteComparison } from './supervision-service';

/* /api/supervision: read-only views for 质量督导员 (and centre admins). */

const READERS = ['supervisor', 'centre_admin'] as const;

function optional(value: string | null): string | undefined {
  return value === null || value.trim() === '' ? undefined : value.slice(0, 200);
}

export const SUPERVISION_ROUTES: readonly CenterRoute[] = [
  {
    method: 'GET',
    path: '/api/supervision/sites',
    roles: READERS,
    handle: async (ctx, request) => ({
      kind: 'json',
      data: await siteComparison(ctx, optional(request.query.get('occupationAndLevel'))),
    }),
  },
  {
    method: 'GET',
    path: '/api/supervision/sites/:siteId/sessions/:sessionId/similarity',
    roles: READERS,
    handle: async (ctx, request) => ({
      kind: 'json',
      data: await similarPairs(ctx, {
        siteId: request.params.siteId ?? '',
        sessionId: request.params.sessionId ?? '',
        roomName: optional(request.query.get('room')),
      }),
    }),
  },
];
