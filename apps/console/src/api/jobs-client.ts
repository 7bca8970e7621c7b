import {
  AppErrorSchema,
  CodedError,
  PROGRESS_PHASES,
  PROGRESS_UNITS,
  type ProgressEvent,
} from '@skillexam/shared';
import { z } from 'zod';

/*
 * The server's long staff operations (POST /api/jobs/results-export | backup, GET /api/jobs?id=,
 * POST /api/jobs/cancel, GET /api/jobs/file): started, followed by polling, cancelled and their
 * files downloaded with the bearer token in the header (docs/decisions/0947).
 */

const ProgressEventSchema = z.object({
  phase: z.enum(PROGRESS_PHASES),
  label: z.string().optional(),
  done: z.number(),
  total: z.number().optional(),
  unit: z.enum(PROGRESS_UNITS).optional(),
  finished: z.boolean().optional(),
});

/** The event without the keys JSON left out (absent, not undefined). */
function toEvent(e: z.infer<typeof ProgressEventSchema>): ProgressEvent {
  return {
    phase: e.phase,
    done: e.done,
    ...(e.label === undefined ? {} : { label: e.label }),
    ...(e.total === undefined ? {} : { total: e.total }),
    ...(e.unit === undefined ? {} : { unit: e.unit }),
    ...(e.finished === undefined ? {} : { finished: e.finished }),
  };
}
const EventSchema = ProgressEventSchema.transform(toEvent);

export const JobViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['results-export', 'backup']),
  sessionId: z.string().optional(),
  status: z.enum(['running', 'succeeded', 'failed', 'cancelled']),
  startedAt: z.number(),
  finishedAt: z.number().optional(),
  phases: z.array(EventSchema),
  current: EventSchema.optional(),
  files: z.array(z.object({ name: z.string(), bytes: z.number() })),
  error: AppErrorSchema.optional(),
});
export type JobView = z.infer<typeof JobViewSchema>;
export type JobKind = JobView['kind'];

const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);

async function request<T extends z.ZodType>(
  token: string,
  schema: T,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<z.infer<T>> {
  const res = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const envelope = EnvelopeSchema.safeParse(await res.json().catch(() => undefined));
  if (!envelope.success) throw new CodedError('INTERNAL', `服务器响应无效 (HTTP ${res.status})`);
  if (!envelope.data.ok)
    throw new CodedError(envelope.data.error.code, envelope.data.error.message);
  const parsed = schema.safeParse(envelope.data.data);
  if (!parsed.success) throw new CodedError('INTERNAL', `服务器响应无效 (HTTP ${res.status})`);
  return parsed.data;
}

export function startJob(token: string, kind: JobKind, sessionId?: string): Promise<JobView> {
  return kind === 'backup'
    ? request(token, JobViewSchema, 'POST', '/api/jobs/backup', {})
    : request(token, JobViewSchema, 'POST', '/api/jobs/results-export', { sessionId });
}

export function fetchJob(token: string, id: string): Promise<JobView> {
  return request(
    token,
    JobViewSchema,
    'GET',
    `/api/jobs?${new URLSearchParams({ id }).toString()}`,
  );
}

export function fetchJobs(token: string): Promise<JobView[]> {
  return request(token, z.array(JobViewSchema), 'GET', '/api/jobs');
}

export function cancelJob(token: string, id: string): Promise<JobView> {
  return request(token, JobViewSchema, 'POST', '/api/jobs/cancel', { id });
}

/** Fetches one file of a finished job and hands it to the browser; resolves with its name. */
export async function downloadJobFile(token: string, id: string, name: string): Promise<string> {
  const res = await fetch(`/api/jobs/file?${new URLSearchParams({ id, name }).toString()}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw new CodedError('BAD_REQUEST', `下载失败 (HTTP ${res.status})`);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
