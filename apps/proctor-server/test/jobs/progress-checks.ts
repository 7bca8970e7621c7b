import type { ProgressEvent, ProgressPhase } from '@skillexam/shared';
import { expect } from 'vitest';

/** Within each phase (and label): done never goes back and never passes the total. */
export function assertMonotonic(events: readonly ProgressEvent[]): void {
  const last = new Map<string, number>();
  for (const event of events) {
    const key = `${event.phase}:${event.label ?? ''}`;
    expect(event.done, key).toBeGreaterThanOrEqual(last.get(key) ?? 0);
    if (event.total !== undefined) expect(event.done, key).toBeLessThanOrEqual(event.total);
    last.set(key, event.done);
  }
}

/** The last event of a phase (and label). */
export function lastOf(
  events: readonly ProgressEvent[],
  phase: ProgressPhase,
  label?: string,
): ProgressEvent | undefined {
  return events
    .filter((e) => e.phase === phase && (label === undefined || e.label === label))
    .at(-1);
}
