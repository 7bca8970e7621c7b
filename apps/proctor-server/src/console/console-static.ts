import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypeOf } from '@skillexam/shared';

/*
 * Serves the built proctor console (apps/console/dist, built by `npm run build:console`) at
 * /console. The directory comes from the configuration (PROCTOR_CONSOLE_DIR or the setting);
 * by default it is the console workspace's dist next to this app — a path, never an import.
 *
 * - /console redirects to /console/; unknown paths without an extension get index.html (the
 *   console is a single-page app); unknown files are 404.
 * - index.html is `no-cache`; content-hashed bundles (`name-HASH.ext`) are immutable for a year.
 * - Without a build, every console URL answers 503 with a page saying how to build it.
 */

export const CONSOLE_PATH = '/console';

export const DEFAULT_CONSOLE_DIR = fileURLToPath(
  new URL('../../../console/dist/', import.meta.url),
);

const HASHED = /-[A-Z0-9]{8,}\.[a-z0-9]+$/i;

/** The console is a same-origin app: scripts from here only, antd's runtime styles inline. */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>监考控制台未构建</title></head>
<body style="font-family: sans-serif; margin: 3em">
<h1>监考控制台尚未构建 (console not built)</h1>
<p>请在项目根目录运行 <code>npm run build:console</code>，然后刷新本页。</p>
<p>console not built — run <code>npm run build:console</code></p>
</body></html>`;

export function resolveConsoleDir(configured: string | undefined): string {
  return resolve(configured ?? process.env['PROCTOR_CONSOLE_DIR'] ?? DEFAULT_CONSOLE_DIR);
}

export function isConsoleRequest(url: string | undefined): boolean {
  if (url === undefined) return false;
  return (
    url === CONSOLE_PATH || url.startsWith(`${CONSOLE_PATH}/`) || url.startsWith(`${CONSOLE_PATH}?`)
  );
}

function sendText(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra = {},
): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...SECURITY_HEADERS,
    ...extra,
  });
  res.end(body);
}

function fileAt(root: string, relative: string): string | undefined {
  const path = resolve(root, `.${sep}${relative}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  try {
    return statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

function sendFile(req: IncomingMessage, res: ServerResponse, path: string, relative: string): void {
  const size = statSync(path).size;
  const cache = HASHED.test(relative) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, {
    'content-type': contentTypeOf(path),
    'content-length': size,
    'cache-control': cache,
    ...SECURITY_HEADERS,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(path).pipe(res);
}

/** Answers a request under /console from `distDir`. */
export function serveConsole(distDir: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'text/plain; charset=utf-8', 'Method not allowed', { allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(req.url ?? CONSOLE_PATH, 'http://localhost');
  if (url.pathname === CONSOLE_PATH) {
    res.writeHead(301, { location: `${CONSOLE_PATH}/${url.search}`, 'content-length': 0 });
    res.end();
    return;
  }
  const root = resolve(distDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    sendText(res, 503, 'text/html; charset=utf-8', NOT_BUILT_PAGE);
    return;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname.slice(CONSOLE_PATH.length + 1));
  } catch {
    sendText(res, 400, 'text/plain; charset=utf-8', 'Bad path');
    return;
  }
  if (relative.includes('\0')) {
    sendText(res, 400, 'text/plain; charset=utf-8', 'Bad path');
    return;
  }
  const file = relative === '' ? index : fileAt(root, relative);
  if (file !== undefined) {
    sendFile(req, res, file, relative);
    return;
  }
  if (extname(relative) !== '') {
    sendText(res, 404, 'text/plain; charset=utf-8', `Not found: ${url.pathname}`);
    return;
  }
  sendFile(req, res, index, 'index.html');
}
