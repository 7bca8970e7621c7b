import { describe, expect, it } from 'vitest';
import { shellWord } from './shell-word';

describe('shellWord', () => {
  it('leaves a safe path bare', () => {
    expect(shellWord('/srv/exam/data')).toBe('/srv/exam/data');
  });

  it('quotes spaces, Chinese text and single quotes as one word', () => {
    expect(shellWord("/mnt/U 盘/it's")).toBe(`'/mnt/U 盘/it'\\''s'`);
    expect(shellWord('服务器磁盘损坏 $HOME')).toBe(`'服务器磁盘损坏 $HOME'`);
    expect(shellWord('')).toBe(`''`);
  });
});
