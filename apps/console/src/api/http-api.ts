import { AppErrorSchema, CodedError } from '@skillexam/shared';
import { z } from 'zod';

/*
 * The console's staff HTTP routes, in one place: the bearer token in the header (never in a
 * URL), the server's `{ ok, data | error }` envelope parsed against the caller's schema, the
 * server's refusal shown in its own words, and files handed to the browser as downloads.
 */

const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);

/*
 * Errors the console itself raises are worded like the server's (zh-CN, English in parentheses)
 * and shown as they are, whatever the console's language (docs/decisions/0995).
 */

/** A reply that is not what the protocol says. */
export function badReply(status: number): CodedError {
  // i18n-exempt: a client error worded like the server's errors (zh-CN + English)
  return new CodedError('INTERNAL', `服务器响应无效 (invalid reply, HTTP ${status})`);
}

/** The reply's data checked against `schema`; a refusal becomes a CodedError with its message. */
export async function unwrapEnvelope<T extends z.ZodType>(
  res: Response,
  schema: T,
): Promise<z.infer<T>> {
  const envelope = EnvelopeSchema.safeParse(await res.json().catch(() => undefined));
  if (!envelope.success) throw badReply(res.status);
  if (!envelope.data.ok)
    throw new CodedError(envelope.data.error.code, envelope.data.error.message);
  const parsed = schema.safeParse(envelope.data.data);
  if (!parsed.success) throw badReply(res.status);
  return parsed.data;
}

export type HttpMethod = 'GET' | 'POST';

function bodyOf(body: unknown): { headers: Record<string, string>; body?: BodyInit } {
  if (body === undefined) return { headers: {} };
  if (body instanceof Uint8Array || body instanceof Blob) {
    return {
      headers: { 'content-type': 'application/octet-stream' },
      body: body as Uint8Array<ArrayBuffer> | Blob,
    };
  }
  return { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** A staff route: `body` goes as JSON, or as bytes when it is a Uint8Array or a File/Blob. */
export async function request<T extends z.ZodType>(
  token: string | undefined,
  schema: T,
  method: HttpMethod,
  path: string,
  body?: unknown,
): Promise<z.infer<T>> {
  const sent = bodyOf(body);
  const res = await fetch(path, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...sent.headers,
    },
    ...(sent.body === undefined ? {} : { body: sent.body }),
  });
  return unwrapEnvelope(res, schema);
}

/** `path?query` with the given parameters. */
export function withQuery(path: string, params: Record<string, string>): string {
  return `${path}?${new URLSearchParams(params).toString()}`;
}

/** Hands `blob` to the browser as a file called `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name the server gave (`filename*=UTF-8''…`), if any. */
function dispositionName(res: Response): string | undefined {
  const match = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '');
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

export interface DownloadOptions {
  readonly method?: HttpMethod;
  /** `server`: the server's Content-Disposition name when it gives one; `ours`: always `name`. */
  readonly naming?: 'server' | 'ours';
}

/**
 * Fetches a file route with the token in the header and saves it; resolves with the saved name
 * (see `naming`; `name` when the server gives none). A refusal is shown in the server's words.
 */
export async function downloadFile(
  token: string,
  path: string,
  name: string,
  { method = 'GET', naming = 'server' }: DownloadOptions = {},
): Promise<string> {
  const res = await fetch(path, { method, headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as unknown;
    const refusal = EnvelopeSchema.safeParse(body);
    if (refusal.success && !refusal.data.ok)
      throw new CodedError(refusal.data.error.code, refusal.data.error.message);
    // i18n-exempt: a client error worded like the server's errors (zh-CN + English)
    throw new CodedError('BAD_REQUEST', `下载失败 (download failed, HTTP ${res.status})`);
  }
  const saved = (naming === 'server' ? dispositionName(res) : undefined) ?? name;
  saveBlob(await res.blob(), saved);
  return saved;
}
