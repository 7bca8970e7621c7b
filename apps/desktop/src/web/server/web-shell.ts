import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatchIpc, type IpcInvokeMap, type WindowKind } from '@skillexam/shared';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_PATH, BridgeRequestSchema, type BridgeReply } from '../bridge-protocol';
import type { HostEventHub } from '../../host/host-event-hub';
import { serveStatic } from './static-files';

export interface WebShellOptions {
  /** Folder holding the built renderer (index.html, renderer.js, web-bridge.js). */
  readonly rendererDir: string;
  readonly handlers: IpcInvokeMap;
  /** Which window's capabilities the browser gets. */
  readonly kind: WindowKind;
  readonly host?: string;
  readonly port?: number;
  /** Host events to push to every connected page. */
  readonly events?: HostEventHub;
}

export interface WebShell {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Accept bridge connections only from pages this shell served (no cross-site WebSocket use). */
export function isAllowedOrigin(
  origin: string | undefined,
  hostHeader: string | undefined,
): boolean {
  if (origin === undefined || hostHeader === undefined) return false;
  try {
    return new URL(origin).host === hostHeader;
  } catch {
    return false;
  }
}

/**
 * The web shell: serves the renderer to a browser and implements `window.desktop` over a
 * local WebSocket to the host handlers. Used for development, browser tests and practice exams.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    void serveStatic(options.rendererDir, path, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== BRIDGE_PATH || !isAllowedOrigin(req.headers.origin, req.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveBridge(ws, options));
  });

  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    server,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve, reject) =>
        server.close((err) => (err ? reject(err) : resolve())),
      );
    },
  };
}

function serveBridge(ws: WebSocket, options: WebShellOptions): void {
  const unsubscribe = options.events?.subscribe((event) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event }));
  });
  ws.on('close', () => unsubscribe?.());
  ws.on('message', (data, isBinary) => {
    void (async () => {
      let message: unknown;
      try {
        message = isBinary ? undefined : JSON.parse(data.toString());
      } catch {
        message = undefined;
      }
      const request = BridgeRequestSchema.safeParse(message);
      if (!request.success) {
        ws.close(1003, 'malformed bridge request');
        return;
      }
      const { id, channel, input } = request.data;
      const reply = await dispatchIpc(options.handlers, options.kind, channel, input);
      const out: BridgeReply = { id, reply };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(out));
    })();
  });
}
