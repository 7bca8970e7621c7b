import { CodedError, ErrorCodeSchema } from '@skillexam/shared';

/*
 * The UI's link to the centre server (same origin): JSON over HTTP with the staff bearer token.
 * Every reply is `{ ok: true, data }` or `{ ok: false, error: { code, message } }`; a failure
 * throws a CodedError carrying the server's code and message.
 */

export type CenterRole = 'centre_admin' | 'org_staff' | 'supervisor';

/** The reply of `POST /api/auth/login`. */
export interface CenterLogin {
  readonly token: string;
  readonly expiresAt: string;
  readonly staff: {
    readonly id: string;
    readonly username: string;
    readonly displayName: string;
    readonly role: CenterRole;
    readonly organisationId: string | null;
    readonly mustChangePassword: boolean;
  };
}

async function readReply(res: Response): Promise<unknown> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new CodedError('INTERNAL', `服务器响应无效 (HTTP ${res.status})`);
  }
  const reply = body as {
    ok?: unknown;
    data?: unknown;
    error?: { code?: unknown; message?: unknown };
  };
  if (reply.ok === true) return reply.data;
  const code = ErrorCodeSchema.safeParse(reply.error?.code);
  const message =
    typeof reply.error?.message === 'string' ? reply.error.message : `HTTP ${res.status}`;
  throw new CodedError(code.success ? code.data : 'INTERNAL', message);
}

export interface CenterApi {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  /** Uploads raw bytes (a file) to a route that takes them. */
  upload<T>(path: string, file: Blob): Promise<T>;
  /** Fetches a file and saves it under `fileName` through the browser. */
  download(path: string, fileName: string): Promise<void>;
}

export function centerApi(token: string | undefined): CenterApi {
  const headers = (extra: Record<string, string> = {}): Record<string, string> =>
    token === undefined ? extra : { ...extra, authorization: `Bearer ${token}` };
  return {
    async get(path) {
      return (await readReply(await fetch(path, { headers: headers() }))) as never;
    },
    async post(path, body) {
      const res = await fetch(path, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(body ?? {}),
      });
      return (await readReply(res)) as never;
    },
    async upload(path, file) {
      const res = await fetch(path, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/octet-stream' }),
        body: file,
      });
      return (await readReply(res)) as never;
    },
    async download(path, fileName) {
      const res = await fetch(path, { headers: headers() });
      if (!res.ok) await readReply(res);
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(url);
    },
  };
}
