import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KioskEnrollmentSchema, type KioskSummary } from '@skillexam/shared';
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

describe('proctor-server kiosk', () => {
  it('enrolls a PC into a private file, lists it without its key, revokes it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'proctor-kiosk-cli-'));
    const data = join(root, 'data');
    const out = join(root, 'enrollment.json');
    await run('kiosk', 'enroll', '--data', data, '--name', '第1考场-01', '--out', out);
    const file = KioskEnrollmentSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(file.kioskName).toBe('第1考场-01');
    expect(statSync(out).mode & 0o077).toBe(0);
    await expect(
      run('kiosk', 'enroll', '--data', data, '--name', '第1考场-02', '--out', out),
    ).rejects.toThrow(/无法写入/);
    const unwritable = join(root, 'no-such-folder', 'enrollment.json');
    await expect(
      run('kiosk', 'enroll', '--data', data, '--name', '第1考场-02', '--out', unwritable),
    ).rejects.toThrow(/无法写入/);
    // neither failure enrolled anything: the name is still free and the file was not touched
    const listedBefore = (await run('kiosk', 'list', '--data', data, '--json')) as KioskSummary[];
    expect(listedBefore.map((k) => k.name)).toEqual(['第1考场-01']);
    expect(KioskEnrollmentSchema.parse(JSON.parse(readFileSync(out, 'utf8')))).toEqual(file);
    await run('kiosk', 'enroll', '--data', data, '--name', '第1考场-02', '--out', `${out}.02`);
    await expect(run('kiosk', 'enroll', '--data', data, '--name', '第1考场-01')).rejects.toThrow(
      /已登记/,
    );
    const listed = (await run('kiosk', 'list', '--data', data, '--json')) as KioskSummary[];
    expect(listed.map((k) => k.kioskId)).toContain(file.kioskId);
    expect(file.format).toBe('skillexam-kiosk-enrollment/2');
    expect(JSON.stringify(listed)).not.toContain(file.kioskPrivateKey);
    // the server keeps the public key only: the private key is nowhere in its data folder
    const seed = Buffer.from(file.kioskPrivateKey, 'base64').subarray(16);
    for (const name of ['server.db', 'server.db-wal']) {
      const bytes = readFileIfAny(join(data, name));
      expect(bytes.includes(seed) || bytes.includes(file.kioskPrivateKey)).toBe(false);
    }
    // a blank --reason is refused before anything changes; a given one is audited (0986)
    await expect(
      run('kiosk', 'revoke', '第1考场-01', '--data', data, '--reason', '  '),
    ).rejects.toThrow('--reason: 1–500 个字符');
    await run('kiosk', 'revoke', '第1考场-01', '--data', data, '--reason', '主板更换');
    const after = (await run('kiosk', 'list', '--data', data, '--json')) as KioskSummary[];
    expect(after.find((k) => k.kioskId === file.kioskId)?.revokedAt).toBeGreaterThan(0);
    const audit = new Database(join(data, 'server.db'), { readonly: true });
    const payloads = (
      audit.prepare("SELECT payload_json FROM audit_log WHERE action = 'kiosk.revoke'").all() as {
        payload_json: string;
      }[]
    ).map((row) => JSON.parse(row.payload_json) as Record<string, unknown>);
    audit.close();
    expect(payloads).toEqual([
      expect.objectContaining({ kioskId: file.kioskId, reason: '主板更换' }),
    ]);
  });

  it('lists a PC enrolled before Ed25519 keys as needing re-enrollment; enrolling it again retires it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'proctor-kiosk-cli-'));
    const data = join(root, 'data');
    await run('kiosk', 'enroll', '--data', data, '--name', 'PC-OLD', '--out', join(root, 'a'));
    // what migration 0140 leaves of a kiosk enrolled with a format /1 file: no public key
    const db = new Database(join(data, 'server.db'));
    db.prepare("UPDATE kiosks SET public_key_b64 = NULL WHERE name = 'PC-OLD'").run();
    db.close();
    const listed = (await run('kiosk', 'list', '--data', data, '--json')) as KioskSummary[];
    const old = listed.find((k) => k.name === 'PC-OLD');
    expect(old?.needsReenrollment).toBe(true);
    expect(await run('kiosk', 'list', '--data', data)).toContain('需重新登记');
    await run('kiosk', 'enroll', '--data', data, '--name', 'PC-OLD', '--out', join(root, 'b'));
    const after = (await run('kiosk', 'list', '--data', data, '--json')) as KioskSummary[];
    expect(after.find((k) => k.kioskId === old?.kioskId)?.revokedAt).toBeGreaterThan(0);
    const fresh = after.find((k) => k.name === 'PC-OLD' && k.revokedAt === undefined);
    expect(fresh?.needsReenrollment).toBeUndefined();
  });
});

function readFileIfAny(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}
