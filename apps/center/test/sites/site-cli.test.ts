import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FakeSite } from '../ingest/fake-site';

/* `center site enrol`, `center site list` and `center ingest` through the real command (source via tsx). */

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = join(ROOT, 'apps/center/src/cli/main.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = promisify(execFile);

async function center(
  data: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  try {
    const { stdout, stderr } = await run(TSX, [MAIN, ...args, '--data', data], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('center site / ingest commands', () => {
  it('enrols a site and ingests its packages, refusing a forgery with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'center-cli-'));
    const data = join(dir, 'data');
    const org = await center(
      data,
      'organisation',
      'add',
      '--name',
      '命令行评价机构',
      '--kind',
      'S',
      '--code',
      '0000',
      '--province',
      '44',
      '--json',
    );
    expect(org.code, org.stderr).toBe(0);
    const orgId = (JSON.parse(org.stdout) as { id: string }).id;
    const site = new FakeSite('命令行考点');
    const keyFile = join(dir, 'audit-signing.pub');
    writeFileSync(keyFile, site.publicKeyPem);
    const enrolled = await center(
      data,
      'site',
      'enrol',
      '--organisation',
      orgId,
      '--name',
      site.name,
      '--serial',
      '440200',
      '--key',
      keyFile,
    );
    expect(enrolled.code, enrolled.stderr).toBe(0);
    expect(enrolled.stdout).toContain(site.keyId);

    const file = join(dir, 'results.json');
    writeFileSync(file, site.makePackage({ sessionId: 'cli-1' }));
    const ingested = await center(data, 'ingest', file, '--json');
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(JSON.parse(ingested.stdout)).toMatchObject({ status: 'ingested', candidates: 5 });
    const again = await center(data, 'ingest', file);
    expect(again.stdout).toMatch(/already ingested/);

    const forged = join(dir, 'forged.json');
    writeFileSync(
      forged,
      site.makePackage({
        sessionId: 'cli-2',
        edit: (p) => {
          const c = p.candidates[0];
          if (c?.total !== undefined) c.total += 1;
        },
      }),
    );
    const refused = await center(data, 'ingest', forged);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/DERIVATION_MISMATCH: .*cli-2-T0001/);

    // several packages at once: each on its own, progress as JSON lines on stderr, exit 2 if any refused
    const bulk = await center(data, 'ingest', file, forged, '--json');
    expect(bulk.code).toBe(2);
    expect(JSON.parse(bulk.stdout)).toMatchObject({
      ingested: [{ file, status: 'already_ingested', sessionId: 'cli-1' }],
      refused: [{ file: forged, code: 'CONFLICT' }],
    });
    const events = bulk.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { progress: { done: number; total: number } }).progress);
    expect(events.at(-1)).toMatchObject({ phase: 'verifying', done: 2, total: 2, finished: true });
    expect(events.map((e) => e.done)).toEqual([...events.map((e) => e.done)].sort((a, b) => a - b));
    const listed = await center(data, 'site', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { name: site.name, chainHead: { seq: expect.any(Number) } },
    ]);
  }, 180_000);
});
