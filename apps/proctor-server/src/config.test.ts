import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('prefers flags over environment over defaults', () => {
    expect(loadConfig([], {})).toMatchObject({ host: '0.0.0.0', port: 7300 });
    expect(loadConfig([], { PROCTOR_PORT: '9000' }).port).toBe(9000);
    expect(loadConfig(['--port', '0'], { PROCTOR_PORT: '9000' }).port).toBe(0);
  });

  it('names the bad flag and what was expected', () => {
    expect(() => loadConfig(['--port', '70000'], {})).toThrow(/--port: .*65535/);
    expect(() => loadConfig(['--bogus'], {})).toThrow(/bogus/);
  });
});
