import { mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../src/cli/program';

/** Runs the command tree in-process and returns what it printed (JSON parsed when --json). */
async function run(...args: string[]): Promise<unknown> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    lines.push(parts.map(String).join(' '));
  });
  try {
    await (await buildProgram()).parseAsync(['node', 'proctor-server', ...args]);
  } finally {
    spy.mockRestore();
  }
  const text = lines.join('\n');
  return args.includes('--json') ? (JSON.parse(text) as unknown) : text;
}

afterEach(() => {
  process.exitCode = undefined;
});

interface Shown {
  fingerprint: string;
  serverFingerprint: string;
  ipAddresses: string[];
  dnsNames: string[];
  created: string | null;
}

describe('proctor-server tls', () => {
  it('show creates and prints the site certificate; renew keeps the pin; replace changes it', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'cli-tls-')), 'data');
    const shown = (await run(
      'tls',
      'show',
      '--data',
      data,
      '--tls-ip',
      '10.3.3.3',
      '--json',
    )) as Shown;
    expect(shown.created).toBe('site-ca');
    expect(shown.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(shown.ipAddresses).toEqual(expect.arrayContaining(['127.0.0.1', '10.3.3.3']));
    const human = (await run('tls', 'show', '--data', data)) as string;
    expect(human).toContain(
      `考点证书指纹 (site CA SHA-256, kiosks pin this): ${shown.fingerprint}`,
    );

    const renewed = (await run(
      'tls',
      'renew',
      '--data',
      data,
      '--tls-name',
      'exam.local',
      '--json',
    )) as Shown;
    expect(renewed.fingerprint).toBe(shown.fingerprint);
    expect(renewed.serverFingerprint).not.toBe(shown.serverFingerprint);
    expect(renewed.dnsNames).toContain('exam.local');

    await run('kiosk', 'enroll', '--data', data, '--name', 'PC-01', '--out', join(data, 'pc.json'));
    const replaced = (await run('tls', 'replace', '--data', data, '--json')) as Shown & {
      revokedKiosks: string[];
    };
    expect(replaced.fingerprint).not.toBe(shown.fingerprint);
    // every kiosk pinned the old CA: all revoked (audited), so each can be enrolled again at once
    expect(replaced.revokedKiosks).toHaveLength(1);
    await run(
      'kiosk',
      'enroll',
      '--data',
      data,
      '--name',
      'PC-01',
      '--out',
      join(data, 'pc2.json'),
    );
    const db = new Database(join(data, 'server.db'), { readonly: true });
    const revokes = db
      .prepare("SELECT payload_json FROM audit_log WHERE action = 'kiosk.revoke'")
      .all() as { payload_json: string }[];
    db.close();
    expect(revokes.map((r) => JSON.parse(r.payload_json) as unknown)).toEqual([
      expect.objectContaining({ kioskId: replaced.revokedKiosks[0], reason: 'site-ca-replaced' }),
    ]);
  });

  it('renew without the CA key says where to give it; a bad address is named', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'cli-tls-')), 'data');
    await run('tls', 'show', '--data', data, '--json');
    const offline = join(mkdtempSync(join(tmpdir(), 'cli-tls-key-')), 'site-ca.key');
    renameSync(join(data, 'tls', 'site-ca.key'), offline);
    await expect(run('tls', 'renew', '--data', data)).rejects.toThrow(/--ca-key/);
    await expect(
      run('tls', 'renew', '--data', data, '--ca-key', offline, '--json'),
    ).resolves.toMatchObject({
      caKeyInDataDir: false,
    });
    await expect(run('tls', 'show', '--data', data, '--tls-ip', '999.1.1.1')).rejects.toThrow(
      /--tls-ip: 不是有效的 IPv4 地址/,
    );
  });

  it('kiosk enroll writes the site pin into the enrollment (creating the certificate if needed)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cli-tls-enroll-'));
    const data = join(root, 'data');
    const out = join(root, 'enrollment.json');
    await run('kiosk', 'enroll', '--data', data, '--name', '第1考场-01', '--out', out);
    const enrollment = JSON.parse(readFileSync(out, 'utf8')) as { serverCertFingerprint?: string };
    const shown = (await run('tls', 'show', '--data', data, '--json')) as Shown;
    expect(enrollment.serverCertFingerprint).toBe(
      shown.fingerprint.replace(/:/g, '').toLowerCase(),
    );
  });
});
