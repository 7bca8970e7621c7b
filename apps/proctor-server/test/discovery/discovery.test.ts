import { createSocket } from 'node:dgram';
import { pino } from 'pino';
import { Bonjour, type Service } from 'bonjour-service';
import { describe, expect, it } from 'vitest';
import { advertiseServer, DEFAULT_DISCOVERY_NAME } from '../../src/discovery/advertise';
import { discoveryEnabledByEnv } from '../../src/discovery/discovery-setting';
import { loadConfig } from '../../src/config';

/** Whether a multicast datagram sent on the loopback comes back (some sandboxes drop it). */
async function loopbackMulticastWorks(): Promise<boolean> {
  const socket = createSocket({ type: 'udp4', reuseAddr: true });
  try {
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 1000);
      socket.on('error', () => resolve(false));
      socket.on('message', (message) => {
        if (message.toString() === 'probe') {
          clearTimeout(timer);
          resolve(true);
        }
      });
      socket.bind(0, () => {
        try {
          socket.setMulticastInterface('127.0.0.1');
          socket.setMulticastLoopback(true);
          socket.addMembership('224.0.0.251', '127.0.0.1');
          const { port } = socket.address();
          socket.send('probe', port, '224.0.0.251');
        } catch {
          clearTimeout(timer);
          resolve(false);
        }
      });
    });
  } finally {
    socket.close();
  }
}

describe('LAN discovery', () => {
  it('is on by default in serve, off with --no-discovery, PROCTOR_DISCOVERY=0 or under Vitest', () => {
    expect(loadConfig([], {}).discovery).toBe(true);
    expect(loadConfig(['--no-discovery'], {}).discovery).toBe(false);
    expect(loadConfig([], { PROCTOR_DISCOVERY: '0' }).discovery).toBe(false);
    expect(discoveryEnabledByEnv({ VITEST: 'true' })).toBe(false);
    expect(discoveryEnabledByEnv({ VITEST: 'true', PROCTOR_DISCOVERY: 'on' })).toBe(true);
    expect(
      loadConfig(['--require-client-integrity', 'A'.repeat(64).toLowerCase()], {})
        .requiredClientIntegrity,
    ).toEqual(['a'.repeat(64)]);
    expect(() => loadConfig(['--require-client-integrity', 'nope'], {})).toThrow(/64 lowercase/);
  });

  it('advertises _skillexam._tcp with the site name, port, version and instance id', async (ctx) => {
    if (!(await loopbackMulticastWorks())) {
      process.stderr.write('skipped: multicast on the loopback interface is not available here\n');
      ctx.skip();
      return;
    }
    const logger = pino({ level: 'silent' });
    const advertised = advertiseServer(
      {
        name: '第一考点',
        port: 47_300,
        version: '9.9.9',
        instanceId: '0123456789abcdef',
        fingerprint: Array(32).fill('AB').join(':'),
        interfaceAddress: '127.0.0.1',
      },
      logger,
    );
    const browser = new Bonjour({
      interface: '127.0.0.1',
      bind: '0.0.0.0',
      loopback: true,
    } as Record<string, unknown>);
    try {
      const found = await new Promise<Service>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('no _skillexam._tcp service within 5 s')),
          5000,
        );
        browser.find({ type: 'skillexam' }, (service) => {
          if (service.name !== '第一考点') return;
          clearTimeout(timer);
          resolve(service);
        });
      });
      expect(found).toMatchObject({ name: '第一考点', type: 'skillexam', port: 47_300 });
      // the site fingerprint is announced (a hint: kiosks trust only their enrolled pin, 0232)
      expect(found.txt).toEqual({
        v: '9.9.9',
        id: '0123456789abcdef',
        tls: '1',
        fp: 'ab'.repeat(32),
      });
    } finally {
      await new Promise<void>((resolve) => browser.destroy(() => resolve()));
      await advertised.stop();
    }
    const unnamed = advertiseServer(
      { port: 1, version: 'x', instanceId: 'y', interfaceAddress: '127.0.0.1' },
      logger,
    );
    expect(unnamed.name).toBe(DEFAULT_DISCOVERY_NAME);
    await unnamed.stop();
  }, 15_000);
});
