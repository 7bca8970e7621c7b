import type { CenterPrincipal, CenterRole } from '../auth/center-roles';
import type { CenterDb } from '../db/center-db';
import type { AuditLog } from '../audit/audit-log';
import type { ZodType } from 'zod';

/*
 * A route of the centre's HTTP API. Every folder exports its routes as a list; the server
 * registers them all, refuses a request whose role is not listed, parses the body with
 * `body` (a zod schema) before `handle` runs, and turns a thrown CodedError into
 * `{ ok: false, error: { code, message } }` with the matching status.
 */

export interface CenterRequest<Body = unknown> {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The parsed JSON body (or raw bytes for `raw: true` routes). */
  readonly body: Body;
  /** Undefined on public routes. */
  readonly principal: CenterPrincipal | undefined;
  /** The caller's address, for rate limits. */
  readonly remoteAddress: string;
}

export type CenterResponse =
  | { readonly kind: 'json'; readonly status?: number; readonly data: unknown }
  | {
      readonly kind: 'file';
      readonly contentType: string;
      readonly fileName: string;
      readonly bytes: Uint8Array;
    }
  | {
      readonly kind: 'html';
      readonly status?: number;
      readonly html: string;
      /** Extra response headers (e.g. `Retry-After` on a 429 of the public lookup). */
      readonly headers?: Readonly<Record<string, string>>;
    };

export interface CenterContext {
  readonly db: CenterDb;
  readonly audit: AuditLog;
  /** Public base URL of the centre, for QR codes and links (`http://host:port`). */
  readonly publicBaseUrl: string;
  readonly now: () => Date;
}

export interface CenterRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/api/...` with `:name` parameters. */
  readonly path: string;
  /** Who may call it; `public` needs no login. */
  readonly roles: readonly CenterRole[] | 'public';
  /** A zod schema the JSON body must satisfy; omitted for GET and raw uploads. */
  readonly body?: ZodType;
  /** The body is raw bytes (an uploaded file), at most `maxBytes`. */
  readonly raw?: { readonly maxBytes: number };
  handle(ctx: CenterContext, request: CenterRequest): Promise<CenterResponse>;
}
