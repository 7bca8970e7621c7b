import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConnectionError } from './connection-error';
import { loadKioskSettings, saveKioskSettings } from './kiosk-settings';

describe('describeConnectionError', () => {
  it('explains a refused connection from a real fetch', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const address = s.address();
        s.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    const error = await fetch(url).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(describeConnectionError(url, error)).toBe(
      `无法连接考点服务器 ${url}（服务器未启动或端口不对），请检查网线或联系监考老师`,
    );
  });

  it('explains a timeout and an unknown failure', () => {
    const timeout = new DOMException('timed out', 'TimeoutError');
    expect(describeConnectionError('http://10.0.0.9:7300', timeout)).toContain('连接超时');
    expect(describeConnectionError('http://x', new Error('boom'))).toBe(
      '无法连接考点服务器 http://x，请检查网线或联系监考老师',
    );
  });
});

describe('kiosk settings file', () => {
  it('remembers the server and survives a missing or broken file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-settings-'));
    const file = join(dir, 'sub', 'kiosk-settings.json');
    expect(loadKioskSettings(file)).toEqual({});
    saveKioskSettings(file, { serverUrl: 'http://192.168.1.10:7300' });
    expect(loadKioskSettings(file)).toEqual({ serverUrl: 'http://192.168.1.10:7300' });
    writeFileSync(file, '{not json');
    expect(loadKioskSettings(file)).toEqual({});
    writeFileSync(file, JSON.stringify({ serverUrl: 'javascript:alert(1)' }));
    expect(loadKioskSettings(file)).toEqual({});
    expect(() => saveKioskSettings(file, { serverUrl: 'file:///etc' })).toThrow();
    // Fields written at deployment survive remembering a new server.
    saveKioskSettings(file, { offlineExitHash: 'scrypt$x' });
    saveKioskSettings(file, { serverUrl: 'http://10.0.0.5:7300' });
    expect(loadKioskSettings(file)).toEqual({
      serverUrl: 'http://10.0.0.5:7300',
      offlineExitHash: 'scrypt$x',
    });
  });
});
