import type { IncomingMessage, ServerResponse } from 'node:http';
import { CodedError, describeZodError } from '@skillexam/shared';
import type { z } from 'zod';
import type { Principal, PrincipalRole } from '../auth/principal';
import { findStaff } from '../auth/staff-repository';
import { resolveToken } from '../auth/tokens';
import type { ReadableDb } from '@skillexam/shared/sql';
import { HttpError, readJsonBody, sendError, sendJson, type RouteHandler } from './router';

/*
 * Setup endpoints for the console and scripts: a staff bearer token (from /api/auth/staff-login)
 * in the Authorization header, the route's roles (ROUTE_ROLES, src/auth/roles.ts) checked before
 * anything is read, JSON replies
 * `{ ok, data | error }`, files as raw bodies (application/octet-stream) with a size limit.
 */

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

export interface StaffRouteDeps {
  readonly db: ReadableDb;
  readonly now: () => number;
}

/** The staff member behind the request's bearer token, if they hold one of `roles`. */
export function requireStaff(
  deps: StaffRouteDeps,
  req: IncomingMessage,
  roles: readonly PrincipalRole[],
): StaffPrincipal {
  const match = /^Bearer (\S{1,200})$/.exec(req.headers.authorization ?? '');
  const token = match?.[1];
  const subject = token === undefined ? undefined : resolveToken(deps.db, token, deps.now());
  const staff =
    subject?.kind === 'staff' ? findStaff(deps.db, { id: Number(subject.subject) }) : undefined;
  if (token === undefined || staff === undefined) {
    throw new CodedError('UNAUTHORIZED', '请先登录 (a staff bearer token is required)');
  }
  if (!roles.includes(staff.role)) {
    throw new CodedError('FORBIDDEN', `无权执行此操作 (role ${staff.role} may not do this)`);
  }
  return { kind: 'staff', staffId: staff.id, username: staff.username, role: staff.role, token };
}

/** A reply that is a file rather than JSON. */
export interface FileReply {
  readonly file: Uint8Array;
  readonly contentType: string;
  readonly fileName: string;
}

export type StaffHandler = (
  req: IncomingMessage,
  staff: StaffPrincipal,
  url: URL,
) => Promise<unknown> | unknown;

function sendFile(res: ServerResponse, reply: FileReply): void {
  res.writeHead(200, {
    'content-type': reply.contentType,
    'content-length': reply.file.byteLength,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(reply.fileName)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(Buffer.from(reply.file));
}

export function isFileReply(value: unknown): value is FileReply {
  return typeof value === 'object' && value !== null && 'file' in value && 'contentType' in value;
}

/** Wraps a handler with the route's role check and the `{ ok, data | error }` envelope. */
export function staffRoute(deps: StaffRouteDeps, handle: StaffHandler): RouteHandler {
  return async (req, res, route) => {
    try {
      const staff = requireStaff(deps, req, route.roles);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const result = await handle(req, staff, url);
      if (isFileReply(result)) sendFile(res, result);
      else sendJson(res, 200, { ok: true, data: result });
    } catch (error) {
      sendError(res, error);
    }
  };
}

/** Parses a JSON body (≤ maxBytes) with `schema`; a bad body is a BAD_REQUEST naming the field. */
export async function readJsonInput<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
  maxBytes = 256 * 1024,
): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await readJsonBody(req, maxBytes));
  if (!parsed.success) throw new CodedError('BAD_REQUEST', describeZodError(parsed.error));
  return parsed.data;
}

/**
 * A raw upload: `Content-Type: application/octet-stream`, at most `maxBytes`; anything larger
 * is refused while reading (413), before it is buffered whole.
 */
export async function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/octet-stream') {
    throw new CodedError(
      'BAD_REQUEST',
      `上传文件应使用 Content-Type: application/octet-stream，收到 "${type ?? ''}"`,
    );
  }
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new HttpError(413, 'BAD_REQUEST', `文件超过 ${maxBytes} 字节上限 (body too large)`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) {
      req.destroy();
      throw new HttpError(413, 'BAD_REQUEST', `文件超过 ${maxBytes} 字节上限 (body too large)`);
    }
    chunks.push(buffer);
  }
  if (size === 0) throw new CodedError('BAD_REQUEST', '上传的文件为空 (empty body)');
  return Buffer.concat(chunks);
}

/** A required query parameter, or a BAD_REQUEST naming it. */
export function queryParam(url: URL, name: string, pattern = /^.{1,200}$/su): string {
  const value = url.searchParams.get(name);
  if (value === null || !pattern.test(value)) {
    throw new CodedError('BAD_REQUEST', `缺少或无效的查询参数 ${name} (query parameter ${name})`);
  }
  return value;
}
