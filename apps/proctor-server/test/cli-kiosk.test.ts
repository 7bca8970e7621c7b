import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KioskEnrollmentSchema, type KioskSummary } from '@skillexam/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../src/cli/commands';

/** Runs the command tree in-process and returns what it printed (JSON parsed when --json). */
async function run(...args: string[]): Promise<unknown> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    lines.push(parts.map(String).join(' '));
  });
  try {
    await buildProgram().parseAsync(['node', 'proctor-server', ...args]);
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
  it('enrolls a PC into a private file, lists it without its secret, revokes it', async () => {
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
    await expect(run('kiosk', 'enroll', '--data', data, '--name', '第1考场-01')).rejects.toThrow(
      /已登记/,
    );
    const listed = (await run('kiosk', 'list', '--data', data, '--json')) as KioskSummary[];
    expect(listed.map((k) => k.kioskId)).toContain(file.kioskId);
    expect(JSON.stringify(listed)).not.toContain(file.kioskSecret);
    await run('kiosk', 'revoke', '第1考场-01', '--data', data);
    const after = (await run('kiosk', 'list', '--data', data, '--json')) as KioskSummary[];
    expect(after.find((k) => k.kioskId === file.kioskId)?.revokedAt).toBeGreaterThan(0);
  });
});
