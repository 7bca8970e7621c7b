import { t, type MessageKey } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { countText, percentOf, phaseText } from './progress-view';

const zh = (key: MessageKey, params?: Record<string, string | number>) => t('zh-CN', key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => t('en', key, params);

describe('progress view', () => {
  it('gives a percentage only when the total is known', () => {
    expect(percentOf({ phase: 'writing', done: 250, total: 1000 })).toBe(25);
    expect(percentOf({ phase: 'writing', done: 999, total: 1000 })).toBe(99);
    expect(percentOf({ phase: 'writing', done: 1000, total: 1000, finished: true })).toBe(100);
    expect(percentOf({ phase: 'reading', done: 10 })).toBeUndefined();
    expect(percentOf({ phase: 'indexing', done: 0, total: 0 })).toBe(0);
    expect(percentOf({ phase: 'indexing', done: 0, total: 0, finished: true })).toBe(100);
  });

  it('counts in the phase unit: bytes as sizes, forms and items by name', () => {
    expect(
      countText({ phase: 'writing', done: 512_000, total: 2_097_152, unit: 'bytes' }, zh),
    ).toBe('500 KB / 2.0 MB');
    expect(countText({ phase: 'assembling', done: 1, total: 2, unit: 'forms' }, zh)).toBe(
      '1 / 2 套',
    );
    expect(countText({ phase: 'indexing', done: 5000, total: 5000 }, zh)).toBe('5,000 / 5,000 题');
    expect(countText({ phase: 'reading', done: 42 }, en)).toBe(`42 ${en('progress.unit.items')}`);
  });

  it('names the phase and what it works on', () => {
    expect(phaseText({ phase: 'assembling', label: '第 2 套', done: 1, total: 2 }, zh)).toBe(
      `${zh('progress.phase.assembling')} · 第 2 套`,
    );
    expect(phaseText({ phase: 'checking', done: 0 }, zh)).toBe('检查');
  });
});
