import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPgAuditLog } from '../audit/pg-audit-log';
import type { CenterDb } from '../db/center-db';
import { authenticate } from '../http/authenticate';
import type {
  CenterContext,
  CenterRequest,
  CenterResponse,
  CenterRoute,
} from '../http/center-route';
import { JSON_BODY_MAX_BYTES, parseJson, readBody } from '../http/request-body';
import { attachToken } from '../http/request-token';
import { HttpError, PAGE_CSP, send, sendError, sendFailure, sendJson } from '../http/responses';
import { isPagePath, RouteTable } from '../http/route-table';
import { DEFAULT_WEB_DIR, staticFile } from '../http/static-files';
import { CENTER_ROUTES } from './routes';

/*
 * The centre's HTTP server (node:http, no framework): `/api/…` goes to the registered routes,
 * everything else to the web UI's files. See ../http/center-route.ts for what a route declares
 * and docs/center.md for the rules every route gets for free (roles, schemas, caps, errors).
 */

export interface CenterServerOptions {
  readonly db: CenterDb;
  /** Default: every route of the centre (./routes.ts). */
  readonly routes?: readonly CenterRoute[];
  /** For links and QR codes; default: the address it listens on. */
  readonly publicBaseUrl?: string;
  readonly now?: () => Date;
  readonly webDir?: string;
  /** Where bugs are reported (500s); default stderr. */
  readonly log?: (line: string) => void;
}

export interface CenterServer {
  readonly server: Server;
  readonly routes: readonly CenterRoute[];
  /** Listens; resolves with the base URL (`http://host:port`). */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

function writeResponse(res: ServerResponse, response: CenterResponse): void {
  if (response.kind === 'json') {
    sendJson(res, response.status ?? 200, { ok: true, data: response.data });
  } else if (response.kind === 'html') {
    send(
      res,
      response.status ?? 200,
      {
        ...response.headers,
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': PAGE_CSP,
        ...response.headers,
      },
      response.html,
    );
  } else {
    const ascii = response.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    send(
      res,
      200,
      {
        'content-type': response.contentType,
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; sandbox",
        'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(response.fileName)}`,
      },
      response.bytes,
    );
  }
}

export function createCenterServer(options: CenterServerOptions): CenterServer {
  const table = new RouteTable(options.routes ?? CENTER_ROUTES);
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const webDir = options.webDir ?? DEFAULT_WEB_DIR;
  let baseUrl = options.publicBaseUrl ?? 'http://localhost';
  const context = (): CenterContext => ({
    db: options.db,
    audit: createPgAuditLog(now),
    publicBaseUrl: baseUrl,
    now,
  });

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const match = table.match(req.method ?? 'GET', url.pathname);
    if (match.kind === 'none')
      throw new HttpError(404, 'NOT_FOUND', `没有此接口 (no route ${url.pathname})`);
    if (match.kind === 'wrong-method') {
      throw new HttpError(
        405,
        'BAD_REQUEST',
        `不支持的请求方法 (method ${req.method ?? ''} not allowed)`,
      );
    }
    const { route, params } = match;
    const auth = await authenticate(options.db, route, req.headers.authorization, now());
    let body: unknown;
    if (route.raw !== undefined) {
      body = await readBody(req, route.raw.maxBytes);
    } else if (route.body !== undefined) {
      body = route.body.parse(parseJson(await readBody(req, JSON_BODY_MAX_BYTES)) ?? {});
    }
    const request: CenterRequest = {
      params,
      query: url.searchParams,
      body,
      principal: auth?.principal,
      remoteAddress: req.socket.remoteAddress ?? 'unknown',
    };
    if (auth !== undefined) attachToken(request, auth.token);
    writeResponse(res, await route.handle(context(), request));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api' || url.pathname.startsWith('/api/') || isPagePath(url.pathname)) {
      try {
        await handleApi(req, res, url);
      } catch (error) {
        if (error instanceof HttpError && error.status === 413)
          res.setHeader('connection', 'close');
        if (res.headersSent) {
          res.destroy();
        } else if (sendError(res, error)) {
          log(
            `center: ${req.method ?? ''} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
        }
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendFailure(
        res,
        405,
        'BAD_REQUEST',
        `不支持的请求方法 (method ${req.method ?? ''} not allowed)`,
      );
      return;
    }
    const file = await staticFile(webDir, url.pathname);
    send(
      res,
      200,
      {
        'content-type': file.contentType,
        'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'content-security-policy': PAGE_CSP,
      },
      file.bytes,
      req.method === 'HEAD',
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`center: ${String(error)}`);
      if (!res.headersSent) sendFailure(res, 500, 'INTERNAL', '服务器内部错误 (internal error)');
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;

  return {
    server,
    routes: table.routes,
    listen(port: number, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          const url = `http://${shown === '0.0.0.0' || shown === '[::]' ? '127.0.0.1' : shown}:${String(address.port)}`;
          if (options.publicBaseUrl === undefined) baseUrl = url;
          resolve(url);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
    },
  };
}
