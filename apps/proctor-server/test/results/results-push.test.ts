import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { signResultsPackage, type ResultsPayload } from '@skillexam/item-bank/results-package';
import { afterAll, describe, expect, it } from 'vitest';
import type { PushVerdict } from '../../src/cli/results-push';
import { finishedExam } from '../../security/support/finished-exam';
import { cliJson } from '../../security/support/tamper-tools';

/*
 * End to end: a real exam is sat on a real proctor server, `results export` writes the signed
 * version-3 package, and `results push` sends it to a real evaluation centre (its own process,
 * in-memory store, the site enrolled with this server's audit key), which verifies, re-derives
 * and stores it — and refuses a re-signed forgery.
 */

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CENTRE = join(ROOT, 'apps/center/test/ingest/serve-for-push.ts');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const SITE = '广州第一考点';

interface Centre {
  readonly url: string;
  readonly process: ChildProcessWithoutNullStreams;
  readonly nextLine: () => Promise<string>;
}

async function startCentre(pemFile: string): Promise<Centre> {
  const child = spawn(TSX, [CENTRE, pemFile, SITE], { cwd: ROOT });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const next = await lines.next();
    if (next.done === true) throw new Error('the centre process ended');
    return next.value;
  };
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const first = await nextLine().catch((error: unknown) => {
    throw new Error(`centre did not start: ${stderr} ${String(error)}`);
  });
  return { url: (JSON.parse(first) as { url: string }).url, process: child, nextLine };
}

describe('results push to the evaluation centre', () => {
  let centre: Centre | undefined;
  afterAll(async () => {
    if (centre === undefined) return;
    const exited = new Promise((resolve) => centre?.process.once('exit', resolve));
    centre.process.stdin.end();
    await exited;
  }, 30_000);

  it('pushes a real package; the centre verifies, stores, dedupes and refuses a forgery', async () => {
    const exam = await finishedExam();
    const out = join(exam.dataDir, '..', 'export');
    const { data: files } = await cliJson<{ resultsPackage: string }>(
      'results',
      'export',
      '--data',
      exam.dataDir,
      '--session',
      exam.sessionId,
      '--out',
      out,
      '--site',
      SITE,
    );
    const envelope = JSON.parse(readFileSync(files.resultsPackage, 'utf8')) as {
      version: number;
      payload: ResultsPayload;
    };
    expect(envelope.version).toBe(3);
    expect(envelope.payload.audit?.links?.records.length).toBeGreaterThan(0);

    centre = await startCentre(join(exam.dataDir, 'keys', 'audit-signing.pub'));
    const pushed = await cliJson<PushVerdict>(
      'results',
      'push',
      files.resultsPackage,
      '--to',
      centre.url,
    );
    expect(pushed.exitCode).toBe(0);
    expect(pushed.data.data).toMatchObject({
      status: 'ingested',
      site: { name: SITE },
      candidates: exam.candidates.length,
      chainHead: envelope.payload.audit?.head ? { seq: envelope.payload.audit.head.seq } : {},
    });

    const again = await cliJson<PushVerdict>(
      'results',
      'push',
      files.resultsPackage,
      '--to',
      centre.url,
    );
    expect(again.data.data?.status).toBe('already_ingested');

    // the site raises a total and signs the package with its own key: re-derivation refuses it
    const candidate = envelope.payload.candidates.find((c) => c.status === 'normal');
    if (candidate?.total === undefined) throw new Error('a scored candidate expected');
    candidate.total += 10;
    const forged = `${files.resultsPackage}.forged.json`;
    writeFileSync(
      forged,
      signResultsPackage(
        envelope.payload,
        readFileSync(join(exam.dataDir, 'keys', 'audit-signing.key'), 'utf8'),
      ),
    );
    const refused = await cliJson<PushVerdict>('results', 'push', forged, '--to', centre.url);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.data).toMatchObject({ ok: false, status: 409, error: { code: 'CONFLICT' } });
    expect(refused.data.error?.message).toMatch(
      new RegExp(`^DERIVATION_MISMATCH: .*${candidate.admissionTicketNumber}`),
    );

    centre.process.stdin.write('counts\n');
    expect(JSON.parse(await centre.nextLine())).toMatchObject({
      packages: 1,
      results: exam.candidates.length,
    });
  }, 120_000);

  it('says clearly when the centre cannot be reached or the URL is wrong', async () => {
    const exam = { file: join(ROOT, 'package.json') };
    const unreachable = await cliJson<PushVerdict>(
      'results',
      'push',
      exam.file,
      '--to',
      'http://127.0.0.1:9',
    );
    expect(unreachable.exitCode).not.toBe(0);
    expect(unreachable.data.error?.code).toBe('UNREACHABLE');
    expect(unreachable.data.error?.message).toMatch(/无法连接中心/);
    await expect(
      cliJson<PushVerdict>('results', 'push', exam.file, '--to', 'ftp://centre'),
    ).rejects.toThrow(/http/);
  });
});
