import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  CancelledError,
  CodedError,
  ErrorCodeSchema,
  type AppError,
  type ProgressEvent,
} from '@skillexam/shared';
import type { OperationControl } from './bank-operations';
import type { AssemblyOutcome, AssemblyTask } from './assembly-task';

/*
 * Assembly in a worker thread (assembly-worker.ts) when one can be started
 * (docs/decisions/0951-assembly-in-a-worker-thread.md). HiGHS solves a form without pausing, so
 * in the host's own thread a cancel would only be read once every form is done.
 */

export interface AssemblyRequest {
  readonly bankPath: string;
  readonly task: AssemblyTask;
}

/** What the worker posts per request: progress events, then done or failed. */
export type AssemblyWorkerMessage =
  | { readonly type: 'progress'; readonly event: ProgressEvent }
  | { readonly type: 'done'; readonly outcome: AssemblyOutcome }
  | { readonly type: 'failed'; readonly error: AppError };

/**
 * The script that starts the worker: the built bundle `apps/desktop/dist/assembly-worker.mjs`
 * (`scripts/build-apps.ts` makes it; `npm start`, the tests and the e2e suites build it when
 * stale). Undefined where there is none (a packaged app without a worker bundle): assembly then
 * runs in the host's thread.
 */
export function assemblyWorkerBootstrap(): string | undefined {
  const bundle = new URL('../../../dist/assembly-worker.mjs', import.meta.url);
  if (bundle.protocol !== 'file:' || !existsSync(fileURLToPath(bundle))) return undefined;
  return `import(${JSON.stringify(bundle.href)});`;
}

function codedError(error: AppError): CodedError {
  const code = ErrorCodeSchema.safeParse(error.code);
  return new CodedError(code.success ? code.data : 'INTERNAL', error.message);
}

/** One worker kept between assemblies (one at a time); a cancel terminates it. */
export class AssemblyWorker {
  readonly #bootstrap: string;
  #worker: Worker | undefined;

  constructor(bootstrap: string) {
    this.#bootstrap = bootstrap;
  }

  /** Starts the worker ahead of the first assembly (the 组卷 page opened). */
  warm(): void {
    this.#start();
  }

  #start(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const worker = new Worker(this.#bootstrap, { eval: true });
    worker.unref(); // an idle worker does not keep the host running
    worker.on('error', () => undefined); // reported to the running assembly, if any
    worker.once('exit', () => {
      if (this.#worker === worker) this.#worker = undefined;
    });
    this.#worker = worker;
    return worker;
  }

  /** Assembles `task` on `bankPath`; a cancel terminates the worker and rejects CANCELLED. */
  run(bankPath: string, task: AssemblyTask, control: OperationControl): Promise<AssemblyOutcome> {
    const worker = this.#start();
    return new Promise<AssemblyOutcome>((resolve, reject) => {
      const settle = (finish: () => void) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        control.signal.removeEventListener('abort', onAbort);
        finish();
      };
      const onMessage = (message: AssemblyWorkerMessage) => {
        if (message.type === 'progress') control.listener?.(message.event);
        else if (message.type === 'done') settle(() => resolve(message.outcome));
        else settle(() => reject(codedError(message.error)));
      };
      const onError = (error: Error) => settle(() => reject(error));
      const onExit = (code: number) =>
        settle(() =>
          reject(new CodedError('INTERNAL', `组卷进程意外结束 (assembly worker exited: ${code})`)),
        );
      const onAbort = () => {
        settle(() => reject(new CancelledError()));
        this.#worker = undefined;
        void worker.terminate();
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      if (control.signal.aborted) return onAbort();
      control.signal.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ bankPath, task } satisfies AssemblyRequest);
    });
  }
}
