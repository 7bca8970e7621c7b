import { FirstAdminRequestSchema } from '@skillexam/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError, sendJson, type RouteHandler, type Router } from '../http/router';
import { readJsonInput } from '../http/staff-route';
import type { FirstRunSetup } from './first-run';

/*
 * The first run over HTTP (docs/decisions/0970), both public (src/auth/roles.ts):
 *   GET  /api/setup/status       { firstRun }: whether the console offers the set-up form
 *   POST /api/setup/first-admin  { setupCode, username, password } → { username, role: 'admin' }
 * The second checks the set-up code itself; the code never appears in a reply.
 */

function route(handle: (req: IncomingMessage) => unknown): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      sendJson(res, 200, { ok: true, data: await handle(req) });
    } catch (error) {
      sendError(res, error);
    }
  };
}

export function addSetupRoutes(router: Router, setup: FirstRunSetup): Router {
  return router
    .get(
      '/api/setup/status',
      route(() => setup.status()),
    )
    .post(
      '/api/setup/first-admin',
      route(async (req) => {
        const input = await readJsonInput(req, FirstAdminRequestSchema, 16 * 1024);
        return setup.createFirstAdmin(input, req.socket.remoteAddress ?? 'unknown');
      }),
    );
}
