import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyResultsPackage } from '@skillexam/item-bank/results-package';
import { verifyStoreChain } from '../../src/audit/verify-store';
import { exportResults } from '../../src/export/results-export';
import { okData, START } from '../support/running-session';
import { call, type TestServer } from '../support/util';
import { scheduledSite } from './candidate-admin-support';

/*
 * A session with a withdrawn candidate (docs/decisions/0973) runs to its end: the signed results
 * package holds the others only (summary.registered counts them), it verifies, and the audit
 * chain — with the withdrawal and a reinstate/withdraw round trip in it — verifies clean.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

describe('results of a session with a withdrawn candidate', () => {
  it('leaves the withdrawn out of the package and keeps the audit chain clean', async () => {
    const site = await scheduledSite(3);
    server = site.server;
    const [first, second, third] = site.seeded.candidates;
    const withdraw = (reason: string) =>
      site.admin.post('/api/sessions/candidates/withdraw', {
        sessionId: 'session-1',
        attemptId: second!.attemptId,
        reason,
      });
    expect((await withdraw('取消报名')).status).toBe(200);
    const back = await site.admin.post('/api/sessions/candidates/reinstate', {
      sessionId: 'session-1',
      attemptId: second!.attemptId,
      reason: '误操作',
    });
    expect(back.status).toBe(200);
    expect((await withdraw('考生确认取消报名')).status).toBe(200);

    const admin = await server.staffClient('admin', 'boss');
    // the first sits the exam; the third never comes (缺考); the second was withdrawn
    const login = await server.candidateClient(first!.admissionTicketNumber, first!.examCode);
    okData(await call(login.client, 'attempt:confirm-identity', {}));
    okData(await call(admin, 'proctor:admit', { sessionId: 'session-1' }));
    site.clock.current = START;
    okData(await call(admin, 'session:start', { sessionId: 'session-1' }));
    okData(
      await call(admin, 'proctor:force-submit', { attemptId: first!.attemptId, reason: '收卷' }),
    );
    okData(await call(admin, 'session:end', { sessionId: 'session-1', reason: '考试结束' }));

    const { store } = server.components;
    const out = mkdtempSync(join(tmpdir(), 'withdrawn-results-'));
    const files = await exportResults(store, {
      sessionId: 'session-1',
      outDir: out,
      now: new Date(site.clock.now()),
      siteName: '考点',
      occupationAndLevel: '职业技能等级认定',
    });
    expect(files.candidates).toBe(2);
    const publicPem = store.serverKey.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const verified = verifyResultsPackage(new Uint8Array(readFileSync(files.resultsPackage)), [
      publicPem,
    ]);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.payload.candidates.map((c) => c.admissionTicketNumber).sort()).toEqual(
      [first!.admissionTicketNumber, third!.admissionTicketNumber].sort(),
    );
    expect(verified.payload.summary).toMatchObject({ registered: 2, sat: 1, absent: 1 });
    const chain = verifyStoreChain(store);
    expect(chain.problems).toEqual([]);
    expect(chain.ok).toBe(true);
  }, 60_000);
});
