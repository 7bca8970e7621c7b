import type { IncomingMessage, ServerResponse } from 'node:http';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A small exact-path router; socket.io handles its own path before requests reach it. */
export class Router {
  private readonly routes = new Map<string, RouteHandler>();

  get(path: string, handler: RouteHandler): this {
    this.routes.set(`GET ${path}`, handler);
    return this;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handler = this.routes.get(`${req.method ?? 'GET'} ${url.pathname}`);
    if (handler === undefined) {
      const known = [...this.routes.keys()].some((key) => key.endsWith(` ${url.pathname}`));
      sendJson(res, known ? 405 : 404, {
        ok: false,
        error: known
          ? { code: 'BAD_REQUEST', message: `Method ${req.method ?? ''} not allowed` }
          : { code: 'NOT_FOUND', message: `No route for ${url.pathname}` },
      });
      return;
    }
    await handler(req, res);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}
