import { describe, expect, it } from 'vitest';
import { countsOf, phaseName } from './ProgressPanel';

describe('ProgressPanel text', () => {
  it('names the phase from the shared catalogue and counts in the phase unit', () => {
    expect(phaseName({ phase: 'rendering', done: 3, total: 40 }, 'zh-CN')).toBe('生成 PDF');
    expect(phaseName({ phase: 'backing_up', done: 0 }, 'en')).not.toBe('progress.phase.backing_up');
    expect(countsOf({ phase: 'rendering', done: 3, total: 40, unit: 'entries' }, 'zh-CN')).toBe(
      '3 / 40 项',
    );
    expect(countsOf({ phase: 'reading', done: 1200 }, 'zh-CN')).toBe(
      `${(1200).toLocaleString()} 题`,
    );
    expect(
      countsOf(
        { phase: 'backing_up', done: 3 * 1024 * 1024, total: 12.5 * 1024 * 1024, unit: 'bytes' },
        'en',
      ),
    ).toBe('3.0 / 12.5 MiB');
    expect(
      countsOf({ phase: 'restoring', done: 450_560, total: 450_560, unit: 'bytes' }, 'en'),
    ).toBe('440.0 / 440.0 KiB');
    expect(countsOf({ phase: 'restoring', done: 10, total: 900, unit: 'bytes' }, 'en')).toBe(
      '10 / 900 B',
    );
  });
});
