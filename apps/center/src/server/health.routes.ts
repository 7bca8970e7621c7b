import type { CenterRoute } from '../http/center-route';

/* Liveness for load balancers and `npm start`: answers without touching anything secret. */

export const healthRoutes: readonly CenterRoute[] = [
  {
    method: 'GET',
    path: '/api/health',
    roles: 'public',
    async handle(ctx) {
      await ctx.db.query('SELECT 1');
      return { kind: 'json', data: { status: 'ok', store: ctx.db.kind } };
    },
  },
];
