import { CodedError } from '../protocol/ack';

/*
 * One small progress interface for long work (import, assembly, package writing, results
 * export, statistics, backup/restore, the centre's ingest). Engines call it from the work
 * itself: a phase with a known total when there is one, and `advance` as units are done.
 * Listeners (a terminal bar, JSON lines, an IPC or HTTP stream) see the same events. A
 * cancelled operation throws `CancelledError` from the next `advance`/`check`, so the engine
 * unwinds through its transaction and nothing half-written stays.
 *
 * Changes since the first version (for those who forward events, e.g. a zod schema of
 * ProgressEvent): events may carry `unit` (PROGRESS_UNITS; absent means items) — an item
 * import of a CSV or xlsx file counts bytes read, since its row count is unknown until the end.
 */

/** Phase ids; each has a zh-CN and en name in the i18n catalogue (`progress.phase.<id>`). */
export const PROGRESS_PHASES = [
  'reading',
  'checking',
  'writing',
  'indexing',
  'assembling',
  'packaging',
  'exporting',
  'rendering',
  'analysing',
  'backing_up',
  'restoring',
  'verifying',
  'scoring',
] as const;
export type ProgressPhase = (typeof PROGRESS_PHASES)[number];

/**
 * What a phase counts, when it is not plain items: `bytes` of a file read (a CSV or a sheet
 * streamed row by row, whose row count is not known before the end), `forms` assembled, `files`
 * written. Names: i18n `progress.unit.<id>`. Absent: items.
 */
export const PROGRESS_UNITS = ['items', 'rows', 'bytes', 'forms', 'files', 'entries'] as const;
export type ProgressUnit = (typeof PROGRESS_UNITS)[number];

export interface ProgressEvent {
  readonly phase: ProgressPhase;
  /** What the phase works on when there are several: `第 2 套`, a file name. */
  readonly label?: string;
  readonly done: number;
  /** Known total of the phase's units; absent when the work cannot know it in advance. */
  readonly total?: number;
  /** What `done` and `total` count (absent: items). */
  readonly unit?: ProgressUnit;
  /** True on the phase's last event (done equals total when a total is known). */
  readonly finished?: boolean;
}

export type ProgressListener = (event: ProgressEvent) => void;

export interface PhaseProgress {
  /** `n` more units done (default 1); throws `CancelledError` once cancelled. */
  advance(n?: number): void;
  /** Ends the phase: one final event with `finished: true`. */
  end(): void;
}

export interface PhaseOptions {
  readonly total?: number;
  readonly label?: string;
  readonly unit?: ProgressUnit;
}

export interface Progress {
  /** Starts a phase; the previous one should have ended. */
  phase(phase: ProgressPhase, options?: PhaseOptions): PhaseProgress;
  /** Throws `CancelledError` when the operation was cancelled. */
  check(): void;
}

/** A cancelled operation: nothing it would have written was written. */
export class CancelledError extends CodedError {
  constructor(message = '操作已取消，未写入任何内容 (cancelled; nothing was written)') {
    super('CANCELLED', message);
    this.name = 'CancelledError';
  }
}

export interface ProgressOptions {
  /** Cancels the operation at the next `advance` or `check`. */
  readonly signal?: AbortSignal;
  /**
   * Least milliseconds between two events of one phase (default 100); the first and the
   * final event of a phase are always sent.
   */
  readonly minIntervalMs?: number;
  /** The clock, for tests that must not wait. */
  readonly now?: () => number;
}

function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new CancelledError();
}

/** A progress that reports to `listener` (throttled) and honours `signal`. */
export function createProgress(
  listener: ProgressListener | undefined,
  options: ProgressOptions = {},
): Progress {
  const { signal, minIntervalMs = 100, now = Date.now } = options;
  return {
    check: () => checkSignal(signal),
    phase(phase, { total, label, unit } = {}) {
      checkSignal(signal);
      let done = 0;
      let lastSent = now();
      let ended = false;
      const base = {
        phase,
        ...(label === undefined ? {} : { label }),
        ...(unit === undefined ? {} : { unit }),
      };
      const send = (finished: boolean) =>
        listener?.({
          ...base,
          done,
          ...(total === undefined ? {} : { total }),
          ...(finished ? { finished: true } : {}),
        });
      send(false);
      return {
        advance(n = 1) {
          checkSignal(signal);
          done += n;
          if (listener === undefined) return;
          const at = now();
          if (at - lastSent >= minIntervalMs) {
            lastSent = at;
            send(false);
          }
        },
        end() {
          if (ended) return;
          ended = true;
          send(true);
        },
      };
    },
  };
}

/** Progress nobody watches and nobody cancels: the default for callers that pass none. */
export const silentProgress: Progress = createProgress(undefined);
