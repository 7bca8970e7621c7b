import type { Server } from 'socket.io';
import type { Components } from '../components';
import { sendJson, type RouteHandler } from '../http/router';

/** `GET /api/health`: liveness for operators and kiosks looking for the server. */
export function healthRoute(components: Components, io: Server): RouteHandler {
  const startedAt = components.now();
  return (_req, res) => {
    sendJson(res, 200, {
      ok: true,
      data: {
        status: 'ok',
        service: 'proctor-server',
        version: components.version,
        serverTime: components.now(),
        uptimeMs: components.now() - startedAt,
        connections: io.engine.clientsCount,
      },
    });
  };
}
