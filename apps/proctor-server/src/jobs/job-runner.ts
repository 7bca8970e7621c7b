import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodedError,
  createProgress,
  toFailedAck,
  type Progress,
  type ProgressEvent,
} from '@skillexam/shared';
import type { Logger } from 'pino';
import type { JobFile, JobKind, JobOutputFile, JobStatus, JobView } from './job';

/*
 * The server's long staff operations (docs/decisions/0947), in memory: at most one running job
 * of a kind per scope (an exam session, or the whole server for a backup), at most
 * `maxJobs` remembered (the oldest finished ones are forgotten and their private folders
 * deleted), and a job is visible to the staff member who started it only.
 */

export interface JobWorkContext {
  readonly progress: Progress;
  /** A private (0700) folder of the job's own, deleted when the job is forgotten. */
  readonly dir: string;
}

export type JobWork = (context: JobWorkContext) => Promise<readonly JobOutputFile[]>;

export interface JobStart {
  readonly kind: JobKind;
  /** One running job per kind and scope. */
  readonly scope: string;
  readonly owner: string;
  readonly sessionId?: string;
  readonly work: JobWork;
}

interface Job {
  readonly id: string;
  readonly start: JobStart;
  readonly startedAt: number;
  readonly controller: AbortController;
  readonly dir: string;
  readonly phases: Map<string, ProgressEvent>;
  status: JobStatus;
  current?: ProgressEvent;
  finishedAt?: number;
  files: readonly JobOutputFile[];
  sizes: readonly JobFile[];
  error?: JobView['error'];
  done: Promise<void>;
}

export interface JobRunnerOptions {
  readonly now: () => number;
  readonly logger: Logger;
  readonly maxJobs?: number;
  /** Least milliseconds between two progress events of a phase (default 100). */
  readonly minIntervalMs?: number;
}

const MAX_PHASES = 64;

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private readonly maxJobs: number;

  constructor(private readonly options: JobRunnerOptions) {
    this.maxJobs = options.maxJobs ?? 20;
  }

  start(start: JobStart): JobView {
    const busy = [...this.jobs.values()].find(
      (job) =>
        job.status === 'running' &&
        job.start.kind === start.kind &&
        job.start.scope === start.scope,
    );
    if (busy !== undefined)
      throw new CodedError(
        'CONFLICT',
        '同类任务正在进行，请等它完成或取消后再开始 (a job of this kind is already running)',
      );
    this.makeRoom();
    const job: Job = {
      id: randomUUID(),
      start,
      startedAt: this.options.now(),
      controller: new AbortController(),
      dir: mkdtempSync(join(tmpdir(), 'proctor-job-')),
      phases: new Map(),
      status: 'running',
      files: [],
      sizes: [],
      done: Promise.resolve(),
    };
    this.jobs.set(job.id, job);
    job.done = this.run(job);
    return this.view(job);
  }

  /** The job if `owner` started it; NOT_FOUND otherwise (another's job is not revealed). */
  get(id: string, owner: string): JobView {
    return this.view(this.owned(id, owner));
  }

  /** The owner's jobs, newest first. */
  list(owner: string): JobView[] {
    return [...this.jobs.values()]
      .filter((job) => job.start.owner === owner)
      .reverse()
      .map((job) => this.view(job));
  }

  /** Cancels a running job; a finished one is answered as it is. */
  cancel(id: string, owner: string): JobView {
    const job = this.owned(id, owner);
    if (job.status === 'running') job.controller.abort();
    return this.view(job);
  }

  /** A finished job's file by name. */
  file(id: string, owner: string, name: string): JobOutputFile {
    const file = this.owned(id, owner).files.find((f) => f.name === name);
    if (file === undefined)
      throw new CodedError('NOT_FOUND', `任务没有文件 ${name} (no such file)`);
    return file;
  }

  /** Settles when the job has stopped (tests, shutdown). */
  async settled(id: string): Promise<void> {
    await this.jobs.get(id)?.done;
  }

  /** Cancels every running job and deletes every job's folder (server shutdown). */
  async close(): Promise<void> {
    const jobs = [...this.jobs.values()];
    for (const job of jobs) job.controller.abort();
    await Promise.all(jobs.map((job) => job.done));
    for (const job of jobs) rmSync(job.dir, { recursive: true, force: true });
    this.jobs.clear();
  }

  private owned(id: string, owner: string): Job {
    const job = this.jobs.get(id);
    if (job === undefined || job.start.owner !== owner)
      throw new CodedError('NOT_FOUND', `任务 ${id} 不存在 (no such job)`);
    return job;
  }

  private makeRoom(): void {
    const finished = [...this.jobs.values()].filter((job) => job.status !== 'running');
    const excess = this.jobs.size + 1 - this.maxJobs;
    if (excess > finished.length)
      throw new CodedError('UNAVAILABLE', '进行中的任务过多，请稍后再试 (too many running jobs)');
    for (const job of finished.slice(0, Math.max(0, excess))) {
      rmSync(job.dir, { recursive: true, force: true });
      this.jobs.delete(job.id);
    }
  }

  private async run(job: Job): Promise<void> {
    const listener = (event: ProgressEvent) => {
      const key = `${event.phase}\u0000${event.label ?? ''}`;
      if (job.phases.has(key) || job.phases.size < MAX_PHASES) job.phases.set(key, event);
      job.current = event;
    };
    const progress = createProgress(listener, {
      signal: job.controller.signal,
      minIntervalMs: this.options.minIntervalMs ?? 100, // wall-clock throttle, not the test clock
    });
    try {
      const files = await job.start.work({ progress, dir: job.dir });
      job.files = files;
      job.sizes = files.map((f) => ({ name: f.name, bytes: statSync(f.path).size }));
      job.status = 'succeeded';
    } catch (error) {
      const failed = toFailedAck(error);
      job.status = failed.error.code === 'CANCELLED' ? 'cancelled' : 'failed';
      job.error = failed.error;
      if (job.status === 'failed')
        this.options.logger.error({ err: error, job: job.id }, 'job failed');
    } finally {
      job.finishedAt = this.options.now();
    }
  }

  private view(job: Job): JobView {
    return {
      id: job.id,
      kind: job.start.kind,
      ...(job.start.sessionId === undefined ? {} : { sessionId: job.start.sessionId }),
      status: job.status,
      startedAt: job.startedAt,
      ...(job.finishedAt === undefined ? {} : { finishedAt: job.finishedAt }),
      phases: [...job.phases.values()],
      ...(job.current === undefined ? {} : { current: job.current }),
      files: job.sizes,
      ...(job.error === undefined ? {} : { error: job.error }),
    };
  }
}
