import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { openStore } from '../../src/db/store';
import { cliJson } from '../../security/support/tamper-tools';
import { buildProgram } from '../../src/cli/program';

/*
 * `proctor-server results receipts --data <dir>`: the centre's receipts kept in the site's chain
 * (`results.pushed`), once each, as an anchors file for `center audit verify --anchors`; a
 * refusal has no receipt, and reading appends nothing. The push that records them is tested in
 * results-push-routes.test.ts against a real centre.
 */

const dir = mkdtempSync(join(tmpdir(), 'results-receipts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const H = (c: string) => c.repeat(64);

it('prints each receipt once as an anchors line, and appends nothing', async () => {
  const store = openStore(dir);
  const push = (payload: Record<string, unknown>) =>
    store.audit.append(
      store.db,
      { actor: 'staff:admin1', action: 'results.pushed', payload },
      Date.UTC(2026, 11, 6, 8),
    );
  const base = { sessionId: 's-1', centreUrl: 'https://centre.example', packageSha256: H('a') };
  push({ ...base, verdict: 'ingested', httpStatus: 201, centreReceipt: `41:${H('b')}` });
  push({ ...base, verdict: 'already_ingested', httpStatus: 200, centreReceipt: `41:${H('b')}` });
  push({ ...base, verdict: 'refused', httpStatus: 409, code: 'CONFLICT', message: 'x' });
  push({
    ...base,
    sessionId: 's-2',
    verdict: 'ingested',
    httpStatus: 201,
    centreReceipt: `57:${H('c')}`,
  });
  const records = () =>
    (store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const before = records();
  store.close();

  const json = await cliJson<{ anchor: string; sessionId: string }[]>(
    'results',
    'receipts',
    '--data',
    dir,
  );
  expect(json.exitCode).toBe(0);
  expect(json.data.map((r) => [r.anchor, r.sessionId])).toEqual([
    [`41:${H('b')}`, 's-1'],
    [`57:${H('c')}`, 's-2'],
  ]);

  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => {
    lines.push(String(line));
  });
  try {
    await (
      await buildProgram()
    ).parseAsync(['node', 'proctor-server', 'results', 'receipts', '--data', dir]);
  } finally {
    spy.mockRestore();
  }
  expect(lines.join('\n').split('\n')).toEqual([
    `41:${H('b')}  // https://centre.example 场次 s-1 2026-12-06T08:00:00.000Z 成绩包 ${H('a').slice(0, 16)}`,
    `57:${H('c')}  // https://centre.example 场次 s-2 2026-12-06T08:00:00.000Z 成绩包 ${H('a').slice(0, 16)}`,
  ]);

  const reopened = openStore(dir);
  try {
    expect(
      (reopened.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
    ).toBe(before);
  } finally {
    reopened.close();
  }
});
