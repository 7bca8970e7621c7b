import type { IncomingMessage, ServerResponse } from 'node:http';
import { CodedError, toFailedAck, type ErrorCode } from '@skillexam/shared';
import { z } from 'zod';
import type { PrincipalRole } from '../auth/principal';
import {
  ROUTE_ROLES,
  isHttpRouteKey,
  type HttpMethod,
  type HttpRouteKey,
  type RoutePath,
} from '../auth/roles';

/** The route a request matched, with its roles from the role table (src/auth/roles.ts). */
export interface MatchedRoute {
  readonly key: HttpRouteKey;
  readonly roles: readonly PrincipalRole[];
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  route: MatchedRoute,
) => void | Promise<void>;

/**
 * A small exact-path router; socket.io handles its own path before requests reach it. Only the
 * routes of the role table can be registered (the types say so, and a key without an entry
 * throws at start-up), each once.
 */
export class Router {
  private readonly routes = new Map<string, { route: MatchedRoute; handler: RouteHandler }>();

  get(path: RoutePath<'GET'>, handler: RouteHandler): this {
    return this.add('GET', path, handler);
  }

  post(path: RoutePath<'POST'>, handler: RouteHandler): this {
    return this.add('POST', path, handler);
  }

  /** Every registered route as `METHOD /path`. */
  keys(): string[] {
    return [...this.routes.keys()];
  }

  private add(method: HttpMethod, path: string, handler: RouteHandler): this {
    const key = `${method} ${path}`;
    if (!isHttpRouteKey(key))
      throw new Error(`路由 ${key} 不在角色表中 (no entry in ROUTE_ROLES, src/auth/roles.ts)`);
    if (this.routes.has(key)) throw new Error(`路由 ${key} 重复注册 (route registered twice)`);
    this.routes.set(key, { route: { key, roles: ROUTE_ROLES[key] }, handler });
    return this;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const entry = this.routes.get(`${req.method ?? 'GET'} ${url.pathname}`);
    if (entry === undefined) {
      const known = [...this.routes.keys()].some((key) => key.endsWith(` ${url.pathname}`));
      sendJson(res, known ? 405 : 404, {
        ok: false,
        error: known
          ? { code: 'BAD_REQUEST', message: `Method ${req.method ?? ''} not allowed` }
          : { code: 'NOT_FOUND', message: `No route for ${url.pathname}` },
      });
      return;
    }
    await entry.handler(req, res, entry.route);
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

/** Reads a JSON body of at most `maxBytes`; throws CodedError-compatible errors. */
export async function readJsonBody(req: IncomingMessage, maxBytes = 16 * 1024): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes)
      throw new HttpError(413, 'BAD_REQUEST', `Body larger than ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'Body is not valid JSON');
  }
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: 'BAD_REQUEST',
    message: string,
  ) {
    super(message);
  }
}

/** The HTTP status of each typed error code. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  CLIENT_REJECTED: 403,
  PAUSED: 409,
  EXTENSION_CAP_EXCEEDED: 409,
  /** An operation stopped by its user (docs/decisions/0945): nothing was written. */
  CANCELLED: 409,
  /** Only the kiosk raises it (a server never sends it); 502 as a proxy would. */
  SERVER_CERT_MISMATCH: 502,
  INTERNAL: 500,
};

/**
 * Replies `{ ok: false, error }` for what a route threw: an HttpError with its status, a
 * CodedError or zod error with the status of its code. Anything else is a bug: it is rethrown,
 * so the server logs it and answers 500.
 */
export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) {
    sendJson(res, error.status, { ok: false, error: { code: error.code, message: error.message } });
    return;
  }
  if (!(error instanceof CodedError) && !(error instanceof z.ZodError)) throw error;
  const failed = toFailedAck(error);
  sendJson(res, HTTP_STATUS[failed.error.code], failed);
}
