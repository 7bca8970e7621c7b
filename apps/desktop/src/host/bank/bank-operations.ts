import {
  CodedError,
  type HostEvent,
  type ProgressEvent,
  type ProgressListener,
} from '@skillexam/shared';

/*
 * The long bank operations running now (import, dry run, assembly), each under the id the
 * renderer chose: its progress goes out as `bank:progress` pushes, `bank:cancel-operation`
 * aborts it (docs/decisions/0950-workbench-progress-and-cancel.md).
 */

/** What a running operation gets: where its progress goes, and the signal that cancels it. */
export interface OperationControl {
  readonly listener: ProgressListener | undefined;
  readonly signal: AbortSignal;
}

export type OperationKind = 'import' | 'assembly';

const KIND_NAMES: Record<OperationKind, string> = { import: '导入', assembly: '组卷' };

export class BankOperations {
  readonly #publish: (event: HostEvent) => void;
  readonly #running = new Map<string, { kind: OperationKind; controller: AbortController }>();

  constructor(publish: (event: HostEvent) => void) {
    this.#publish = publish;
  }

  /**
   * Runs `work` as one operation. Without an id it still runs (nobody can watch or cancel
   * it). One operation of a kind at a time: a second import would wait on the first one's
   * write lock, so it is refused at once. `work` turns an abort into CANCELLED.
   */
  async run<T>(
    operationId: string | undefined,
    kind: OperationKind,
    work: (control: OperationControl) => Promise<T>,
  ): Promise<T> {
    if ([...this.#running.values()].some((running) => running.kind === kind)) {
      throw new CodedError('CONFLICT', `已有${KIND_NAMES[kind]}正在进行，请等它完成或取消`);
    }
    if (operationId !== undefined && this.#running.has(operationId)) {
      throw new CodedError('CONFLICT', `操作 ${operationId} 已在进行`);
    }
    const controller = new AbortController();
    const key = operationId ?? `anonymous-${kind}`;
    this.#running.set(key, { kind, controller });
    const listener =
      operationId === undefined
        ? undefined
        : (event: ProgressEvent) => this.#publish({ type: 'bank:progress', operationId, event });
    try {
      return await work({ listener, signal: controller.signal });
    } finally {
      this.#running.delete(key);
    }
  }

  /** Aborts the operation; false when none runs under that id. */
  cancel(operationId: string): boolean {
    const running = this.#running.get(operationId);
    if (running === undefined) return false;
    running.controller.abort();
    return true;
  }
}

/** For a caller nobody watches and nobody cancels. */
export const UNWATCHED: OperationControl = {
  listener: undefined,
  signal: new AbortController().signal,
};
