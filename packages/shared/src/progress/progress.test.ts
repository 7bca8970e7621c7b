import { describe, expect, it } from 'vitest';
import { CancelledError, createProgress, silentProgress, type ProgressEvent } from './progress';

function recorder() {
  const events: ProgressEvent[] = [];
  return { events, listener: (event: ProgressEvent) => events.push(event) };
}

describe('createProgress', () => {
  it('sends the first and the final event of a phase and throttles the ones between', () => {
    const { events, listener } = recorder();
    let now = 0;
    const progress = createProgress(listener, { minIntervalMs: 100, now: () => now });
    const phase = progress.phase('writing', { label: 'a.csv', total: 10, unit: 'bytes' });
    for (let i = 0; i < 10; i += 1) {
      now += 30;
      phase.advance();
    }
    phase.end();
    phase.end();
    expect(events[0]).toEqual({
      phase: 'writing',
      label: 'a.csv',
      unit: 'bytes',
      done: 0,
      total: 10,
    });
    expect(events.at(-1)).toEqual({
      phase: 'writing',
      label: 'a.csv',
      unit: 'bytes',
      done: 10,
      total: 10,
      finished: true,
    });
    // 300 ms of work at one event per 100 ms: three between the first and the last.
    expect(events.map((event) => event.done)).toEqual([0, 4, 8, 10]);
  });

  it('throws CancelledError from advance, check and phase once the signal is aborted', () => {
    const controller = new AbortController();
    const progress = createProgress(undefined, { signal: controller.signal });
    const phase = progress.phase('reading');
    phase.advance();
    controller.abort();
    expect(() => phase.advance()).toThrow(CancelledError);
    expect(() => progress.check()).toThrow(CancelledError);
    expect(() => progress.phase('writing')).toThrow(CancelledError);
    try {
      progress.check();
    } catch (error) {
      expect((error as CancelledError).code).toBe('CANCELLED');
      expect((error as Error).message).toContain('已取消');
    }
  });

  it('silentProgress never reports and never cancels', () => {
    const phase = silentProgress.phase('indexing', { total: 2 });
    phase.advance(2);
    phase.end();
    expect(() => silentProgress.check()).not.toThrow();
  });
});
