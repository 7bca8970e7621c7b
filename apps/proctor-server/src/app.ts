import type { Server as HttpServer } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents } from '@skillexam/shared';
import { Server } from 'socket.io';
import type { Components } from './components';
import { Router, sendJson } from './http/router';
import { healthRoute } from './system/health.route';
import { registerSystemHandlers } from './system/system.handlers';

export interface Application {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents>;
  /** Tells clients, closes every socket, and stops the HTTP server. */
  close(reason?: string): Promise<void>;
}

/**
 * Builds the proctor server on an existing HTTP server (not yet listening).
 * index.ts wires real components; tests pass their own and listen on port 0.
 */
export function createApplication(httpServer: HttpServer, components: Components): Application {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    serveClient: false,
    // Answers are small; a 1 MB cap stops a misbehaving client from exhausting memory.
    maxHttpBufferSize: 1_000_000,
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });

  const router = new Router().get('/api/health', healthRoute(components, io));
  httpServer.on('request', (req, res) => {
    if (req.url?.startsWith('/socket.io/')) return; // socket.io answers these itself
    router.handle(req, res).catch((err: unknown) => {
      components.logger.error({ err }, 'http handler failed');
      if (!res.headersSent) {
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
      }
    });
  });

  io.on('connection', (socket) => {
    registerSystemHandlers(socket, components);
  });

  return {
    io,
    async close(reason = 'server shutting down') {
      io.emit('system:shutdown', { reason, at: components.now() });
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
    },
  };
}
