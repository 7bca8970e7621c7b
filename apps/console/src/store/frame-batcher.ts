/*
 * Collects pushed events and hands them over once per animation frame, so a burst of 500
 * monitor:attempt pushes costs one reducer pass and one render instead of 500.
 */

export type FrameScheduler = (callback: () => void) => void;

export interface FrameBatcher<T> {
  push(item: T): void;
  /** Applies what is queued now (e.g. before unmounting). */
  flush(): void;
  readonly pending: number;
}

export function createFrameBatcher<T>(
  apply: (items: T[]) => void,
  schedule: FrameScheduler,
): FrameBatcher<T> {
  let queue: T[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    apply(items);
  };
  return {
    push(item) {
      queue.push(item);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    flush,
    get pending() {
      return queue.length;
    },
  };
}
