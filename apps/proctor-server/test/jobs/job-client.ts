import type { JobView } from '../../src/jobs/job';

/* The job routes as a script or the console calls them: bearer token, JSON envelope. */

export interface Reply<T> {
  readonly status: number;
  readonly ok: boolean;
  readonly data?: T | undefined;
  readonly error?: { code: string; message: string } | undefined;
}

export function jobClient(url: string, token: string) {
  const request = async <T>(method: string, path: string, body?: unknown): Promise<Reply<T>> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as { ok: boolean; data?: T; error?: Reply<T>['error'] };
    return { status: res.status, ...json };
  };
  return {
    exportResults: (sessionId: string) =>
      request<JobView>('POST', '/api/jobs/results-export', { sessionId }),
    backup: () => request<JobView>('POST', '/api/jobs/backup', {}),
    get: (id: string) => request<JobView>('GET', `/api/jobs?id=${id}`),
    list: () => request<JobView[]>('GET', '/api/jobs'),
    cancel: (id: string) => request<JobView>('POST', '/api/jobs/cancel', { id }),
    file: (id: string, name: string) =>
      fetch(`${url}/api/jobs/file?id=${id}&name=${encodeURIComponent(name)}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
  };
}

export type JobClient = ReturnType<typeof jobClient>;

/** Polls the job until `until` holds (each view goes to `seen`); a job that ended otherwise fails. */
export async function pollJob(
  client: JobClient,
  id: string,
  until: (job: JobView) => boolean,
  seen: JobView[] = [],
): Promise<JobView> {
  for (;;) {
    const reply = await client.get(id);
    if (reply.data === undefined) throw new Error(`GET job: ${reply.error?.message ?? '?'}`);
    seen.push(reply.data);
    if (until(reply.data)) return reply.data;
    if (reply.data.status !== 'running')
      throw new Error(`job ended ${reply.data.status}: ${reply.data.error?.message ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
