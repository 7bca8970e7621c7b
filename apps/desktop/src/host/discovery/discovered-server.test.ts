import { describe, expect, it } from 'vitest';
import { mergeDiscovered, toDiscoveredServer } from './discovered-server';

describe('toDiscoveredServer', () => {
  it('prefers an announced IPv4 address and reads version and instance id from TXT', () => {
    expect(
      toDiscoveredServer({
        name: '第一考点',
        port: 7300,
        addresses: ['fe80::1', '192.168.1.10'],
        referer: { address: '192.168.1.99' },
        txt: { v: '0.1.0', id: 'abc123' },
      }),
    ).toEqual({
      name: '第一考点',
      url: 'https://192.168.1.10:7300',
      version: '0.1.0',
      instanceId: 'abc123',
    });
  });

  it('uses plain http only for a server that announces tls=0 (--insecure-http)', () => {
    const service = { name: 's', port: 7300, addresses: ['10.0.0.5'] };
    expect(toDiscoveredServer({ ...service, txt: { tls: '0' } })?.url).toBe('http://10.0.0.5:7300');
    expect(toDiscoveredServer({ ...service, txt: { tls: '1', fp: 'ab'.repeat(32) } })).toEqual({
      name: 's',
      url: 'https://10.0.0.5:7300',
    });
  });

  it('falls back to the address the answer came from', () => {
    expect(
      toDiscoveredServer({ name: 's', port: 80, addresses: [], referer: { address: '10.0.0.2' } })
        ?.url,
    ).toBe('https://10.0.0.2:80');
  });

  it.each([
    ['no address', { name: 's', port: 7300 }],
    ['IPv6 only', { name: 's', port: 7300, addresses: ['fe80::1'] }],
    ['link-local only', { name: 's', port: 7300, addresses: ['169.254.3.4'] }],
    ['bad octet', { name: 's', port: 7300, addresses: ['300.1.1.1'] }],
    ['port 0', { name: 's', port: 0, addresses: ['10.0.0.1'] }],
  ])('refuses an announcement with %s', (_what, service) => {
    expect(toDiscoveredServer(service)).toBeUndefined();
  });

  it('names a nameless server and ignores non-string TXT values', () => {
    const found = toDiscoveredServer({
      name: '',
      port: 7300,
      addresses: ['10.1.2.3'],
      txt: { v: 7, id: new TextEncoder().encode('bin-id') },
    });
    expect(found).toEqual({
      name: 'SkillExam 考点服务器',
      url: 'https://10.1.2.3:7300',
      instanceId: 'bin-id',
    });
  });
});

describe('mergeDiscovered', () => {
  it('keeps one entry per instance and sorts by name', () => {
    const merged = mergeDiscovered([
      { name: '乙考点', url: 'https://10.0.0.2:7300', instanceId: 'b' },
      { name: '甲考点', url: 'https://10.0.0.1:7300', instanceId: 'a' },
      { name: '甲考点', url: 'https://10.0.1.1:7300', instanceId: 'a' },
      { name: '丙', url: 'https://10.0.0.3:7300' },
      { name: '丙', url: 'https://10.0.0.3:7300' },
    ]);
    expect(merged.map((s) => s.url)).toEqual(
      [...merged].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')).map((s) => s.url),
    );
    expect(merged).toHaveLength(3);
    expect(merged.find((s) => s.instanceId === 'a')?.url).toBe('https://10.0.0.1:7300');
  });
});
