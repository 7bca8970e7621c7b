import type { JobView } from '../../src/jobs/job';
import { jobClient, pollJob, type Reply } from '../jobs/job-client';

/* The console's results routes as the browser calls them: bearer token, JSON envelope. */

export function resultsClient(url: string, token: string) {
  const send = async <T>(method: string, path: string, body?: string | Buffer, type?: string) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(type === undefined ? {} : { 'content-type': type }),
      },
      ...(body === undefined ? {} : { body }),
    });
    const json = (await res.json()) as Omit<Reply<T>, 'status'>;
    return { status: res.status, ...json } as Reply<T>;
  };
  return {
    json: <T>(method: string, path: string, body?: unknown) =>
      send<T>(
        method,
        path,
        body === undefined ? undefined : JSON.stringify(body),
        'application/json',
      ),
    raw: <T>(path: string, bytes: Uint8Array) =>
      send<T>('POST', path, Buffer.from(bytes), 'application/octet-stream'),
  };
}

/** Exports the session's results as the console does; the finished job and its package bytes. */
export async function exportPackage(
  url: string,
  token: string,
  sessionId: string,
): Promise<{ job: JobView; bytes: Uint8Array }> {
  const jobs = jobClient(url, token);
  const started = await jobs.exportResults(sessionId);
  if (started.data === undefined) throw new Error(`export: ${started.error?.message ?? '?'}`);
  const job = await pollJob(jobs, started.data.id, (j) => j.status === 'succeeded');
  const file = await jobs.file(job.id, `results-${sessionId}.json`);
  return { job, bytes: new Uint8Array(await file.arrayBuffer()) };
}
