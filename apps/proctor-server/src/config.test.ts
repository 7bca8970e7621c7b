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

  it('serves TLS unless --insecure-http is given, and checks the extra certificate names', () => {
    expect(loadConfig([], {})).toMatchObject({ insecureHttp: false, tlsNames: [], tlsIps: [] });
    expect(loadConfig(['--insecure-http'], {}).insecureHttp).toBe(true);
    expect(loadConfig([], { PROCTOR_INSECURE_HTTP: '1' }).insecureHttp).toBe(true);
    expect(
      loadConfig(['--tls-ip', '10.0.0.5', '--tls-ip', '10.0.0.6', '--tls-name', 'exam.local'], {}),
    ).toMatchObject({ tlsIps: ['10.0.0.5', '10.0.0.6'], tlsNames: ['exam.local'] });
    expect(loadConfig([], { PROCTOR_TLS_IPS: '10.1.1.1, 10.1.1.2' }).tlsIps).toEqual([
      '10.1.1.1',
      '10.1.1.2',
    ]);
    expect(() => loadConfig(['--tls-ip', '10.0.0.300'], {})).toThrow(/--tls-ip: .*IPv4/);
  });
});
