import type { ErrorCode, ProgressEvent } from '@skillexam/shared';

/*
 * A long staff operation run by the server (docs/decisions/0947): started over HTTP, read by
 * polling its view, cancelled by its starter; when it has finished it lists its files, each
 * downloadable on its own.
 */

export const JOB_KINDS = ['results-export', 'backup'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export type JobStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A file a finished job made: `name` is what the console shows and asks for. */
export interface JobFile {
  readonly name: string;
  readonly bytes: number;
}

/** What `GET /api/jobs?id=` answers. */
export interface JobView {
  readonly id: string;
  readonly kind: JobKind;
  /** The exam session of a results export. */
  readonly sessionId?: string;
  readonly status: JobStatus;
  readonly startedAt: number;
  readonly finishedAt?: number;
  /** The latest event of each phase (and label) so far, in the order the phases began. */
  readonly phases: readonly ProgressEvent[];
  /** The latest event of all. */
  readonly current?: ProgressEvent;
  readonly files: readonly JobFile[];
  readonly error?: { readonly code: ErrorCode; readonly message: string };
}

/** A file of a job on disk (the path stays on the server). */
export interface JobOutputFile {
  readonly name: string;
  readonly path: string;
}
