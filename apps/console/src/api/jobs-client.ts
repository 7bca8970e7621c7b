import {
  AppErrorSchema,
  PROGRESS_PHASES,
  PROGRESS_UNITS,
  type ProgressEvent,
} from '@skillexam/shared';
import { z } from 'zod';
import { downloadFile, request, withQuery } from './http-api';

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

export function startJob(token: string, kind: JobKind, sessionId?: string): Promise<JobView> {
  return kind === 'backup'
    ? request(token, JobViewSchema, 'POST', '/api/jobs/backup', {})
    : request(token, JobViewSchema, 'POST', '/api/jobs/results-export', { sessionId });
}

export function fetchJob(token: string, id: string): Promise<JobView> {
  return request(token, JobViewSchema, 'GET', withQuery('/api/jobs', { id }));
}

export function fetchJobs(token: string): Promise<JobView[]> {
  return request(token, z.array(JobViewSchema), 'GET', '/api/jobs');
}

export function cancelJob(token: string, id: string): Promise<JobView> {
  return request(token, JobViewSchema, 'POST', '/api/jobs/cancel', { id });
}

/** Fetches one file of a finished job and hands it to the browser; resolves with its name. */
export function downloadJobFile(token: string, id: string, name: string): Promise<string> {
  return downloadFile(token, withQuery('/api/jobs/file', { id, name }), name);
}
