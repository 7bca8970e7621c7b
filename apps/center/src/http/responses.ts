import type { ServerResponse } from 'node:http';
import { CodedError, describeZodError, type ErrorCode } from '@skillexam/shared';
import { z } from 'zod';

/*
 * Writing replies: JSON envelopes `{ ok: true, data }` / `{ ok: false, error: { code, message } }`,
 * security headers on everything, and errors mapped to statuses without leaking internals.
 */

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
  CANCELLED: 409,
  SERVER_CERT_MISMATCH: 502,
  INTERNAL: 500,
};

/** A failure with its own HTTP status (413, 405) and a whitelisted code. */
export class HttpError extends CodedError {
  constructor(
    readonly status: number,
    code: ErrorCode,
    message: string,
  ) {
    super(code, message);
    this.name = 'HttpError';
  }
}

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
} as const;

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
/** Pages and the web UI (antd injects its styles, hence 'unsafe-inline' for styles only). */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  body: string | Uint8Array,
  headOnly = false,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'content-length': bytes.byteLength });
  res.end(headOnly ? undefined : bytes);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(
    res,
    status,
    {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': API_CSP,
    },
    JSON.stringify(body),
  );
}

export function sendFailure(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** PostgreSQL's unique violation: a race between a check and an insert. */
function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505'
  );
}

/**
 * PostgreSQL refusing a character it cannot store (a NUL byte in text, `\u0000` in jsonb): the
 * caller's input, not a bug.
 */
function isUnstorableText(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === '22021' || code === '22P05';
}

/**
 * Replies for what a route threw. Returns true when the error was a bug (the caller logs it):
 * those get 500 and a generic message.
 */
export function sendError(res: ServerResponse, error: unknown): boolean {
  if (error instanceof HttpError) {
    sendFailure(res, error.status, error.code, error.message);
    return false;
  }
  if (error instanceof CodedError) {
    sendFailure(res, HTTP_STATUS[error.code], error.code, error.message);
    return false;
  }
  if (error instanceof z.ZodError) {
    sendFailure(res, 400, 'BAD_REQUEST', describeZodError(error));
    return false;
  }
  if (isUniqueViolation(error)) {
    sendFailure(res, 409, 'CONFLICT', '记录已存在 (the record already exists)');
    return false;
  }
  if (isUnstorableText(error)) {
    sendFailure(
      res,
      400,
      'BAD_REQUEST',
      '输入含有不能保存的字符（如 NUL） (the input holds a character that cannot be stored, e.g. NUL)',
    );
    return false;
  }
  sendFailure(res, 500, 'INTERNAL', '服务器内部错误 (internal error)');
  return true;
}
