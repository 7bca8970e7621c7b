import { describe, expect, it } from 'vitest';
import { bankFileName } from './bank-files';

describe('bank file names', () => {
  it.each([
    ['电工四级', '电工四级.qbank'],
    ['电工四级.qbank', '电工四级.qbank'],
    [' bank 2026 (A).QBANK ', 'bank 2026 (A).QBANK'],
  ])('%s → %s', (input, expected) => {
    expect(bankFileName(input)).toBe(expected);
  });

  it.each(['../evil', 'a/b', 'a\\b', '', '.hidden', 'x\u0000y', `${'长'.repeat(130)}`])(
    'refuses %j',
    (input) => {
      expect(() => bankFileName(input)).toThrow(/题库文件名/);
    },
  );
});
