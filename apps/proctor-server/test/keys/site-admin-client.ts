/* The console's site-admin routes as the browser calls them: bearer token, JSON envelope. */

export interface Reply<T = unknown> {
  readonly status: number;
  readonly ok: boolean;
  readonly data?: T;
  readonly error?: { code: string; message: string };
}

export function adminClient(url: string, token: string) {
  const send = async <T>(method: string, path: string, body?: unknown): Promise<Reply<T>> => {
    const binary = body instanceof Uint8Array;
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined
          ? {}
          : { 'content-type': binary ? 'application/octet-stream' : 'application/json' }),
      },
      ...(body === undefined ? {} : { body: binary ? body : JSON.stringify(body) }),
    });
    const json = (await res.json()) as Omit<Reply<T>, 'status'>;
    return { status: res.status, ...json };
  };
  return {
    get: <T>(path: string) => send<T>('GET', path),
    post: <T>(path: string, body: unknown) => send<T>('POST', path, body),
  };
}
