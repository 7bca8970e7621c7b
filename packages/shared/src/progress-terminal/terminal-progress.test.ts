import { describe, expect, it } from 'vitest';
import { createProgress } from '../progress/progress';
import { createTerminalProgress, describeCounts, type ProgressStream } from './index';

function sink(isTTY: boolean): ProgressStream & { text: () => string } {
  const written: string[] = [];
  return {
    isTTY,
    columns: 120,
    write: (text: string) => {
      written.push(text);
      return true;
    },
    text: () => written.join(''),
  };
}

/** A clock the test moves, so every advance is an event (no waiting, no timing). */
function run(listener: (event: never) => void) {
  let now = 0;
  const progress = createProgress(listener as never, { now: () => (now += 1000) });
  const phase = progress.phase('reading', { label: 'items.csv', total: 4, unit: 'rows' });
  for (let i = 0; i < 4; i += 1) phase.advance();
  phase.end();
  const spin = progress.phase('indexing');
  spin.advance(7);
  spin.end();
}

describe('createTerminalProgress', () => {
  it('writes nothing to a pipe', () => {
    const stream = sink(false);
    const listener = createTerminalProgress({ stream });
    run(listener);
    listener.stop();
    expect(stream.text()).toBe('');
  });

  it('writes one parseable JSON line per event with json, TTY or not', () => {
    for (const isTTY of [false, true]) {
      const stream = sink(isTTY);
      const listener = createTerminalProgress({ stream, json: true });
      run(listener);
      listener.stop();
      const lines = stream.text().trimEnd().split('\n');
      const events = lines.map((line) => (JSON.parse(line) as { progress: unknown }).progress);
      expect(events[0]).toEqual({
        phase: 'reading',
        label: 'items.csv',
        unit: 'rows',
        done: 0,
        total: 4,
      });
      expect(
        events.filter((event) => (event as { phase: string }).phase === 'reading'),
      ).toHaveLength(6);
      expect(events.at(-1)).toEqual({ phase: 'indexing', done: 7, finished: true });
    }
  });

  it('draws a bar with the phase name, label and counts on a TTY', () => {
    const stream = sink(true);
    const listener = createTerminalProgress({ stream, locale: 'zh-CN' });
    run(listener);
    listener.stop();
    const text = stream.text();
    expect(text).toContain('读取 items.csv');
    expect(text).toContain('4 / 4 行');
    expect(text).toContain('100%');
    expect(text).toContain('建立索引');
    expect(text).toContain('7 题');
  });

  it('names phases in English for the en locale', () => {
    const stream = sink(true);
    const listener = createTerminalProgress({ stream, locale: 'en' });
    run(listener);
    listener.stop();
    expect(stream.text()).toContain('Reading items.csv');
    expect(stream.text()).toContain('4 / 4 rows');
  });
});

describe('describeCounts', () => {
  it('shows bytes in MiB and plain counts with their unit', () => {
    expect(
      describeCounts(
        { phase: 'writing', done: 3 * 1024 * 1024, total: 8 * 1024 * 1024, unit: 'bytes' },
        'zh-CN',
      ),
    ).toBe('3.0 MiB / 8.0 MiB');
    expect(describeCounts({ phase: 'assembling', done: 2, total: 5, unit: 'forms' }, 'zh-CN')).toBe(
      '2 / 5 套',
    );
    expect(describeCounts({ phase: 'checking', done: 12345 }, 'en')).toBe('12,345 items');
  });
});
