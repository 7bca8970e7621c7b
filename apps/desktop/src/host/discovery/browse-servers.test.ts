import { randomUUID } from 'node:crypto';
import { Bonjour } from 'bonjour-service';
import { afterAll, describe, expect, it } from 'vitest';
import { browseExamServers, DISCOVERY_SERVICE_TYPE } from './browse-servers';

/*
 * Real mDNS on this machine: a service published the way the proctor server announces itself
 * is found by the kiosk's browse. Multicast is available in CI and here; the test would fail,
 * not skip, if it were not — the kiosk would then silently fall back to typed addresses.
 */
const publisher = new Bonjour();

afterAll(async () => {
  await new Promise<void>((resolve) => publisher.unpublishAll(() => resolve()));
  await new Promise<void>((resolve) => publisher.destroy(() => resolve()));
});

describe('browseExamServers (real mDNS)', () => {
  it('finds a proctor server announced as _skillexam._tcp, with its version and instance id', async () => {
    const id = randomUUID().slice(0, 8);
    publisher.publish({
      name: `测试考点 ${id}`,
      type: DISCOVERY_SERVICE_TYPE,
      port: 7399,
      txt: { v: '9.9.9', id, tls: '1', fp: 'ab'.repeat(32) },
    });
    const found = await browseExamServers(2_500);
    const ours = found.find((s) => s.instanceId === id);
    expect(ours).toMatchObject({ name: `测试考点 ${id}`, version: '9.9.9' });
    expect(ours?.url).toMatch(/^https:\/\/\d+\.\d+\.\d+\.\d+:7399$/);
  }, 15_000);
});
