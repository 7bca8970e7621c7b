import { mulberry32 } from '@skillexam/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addExamPaper, addPackage, addSite } from '../batches/support/centre-fixtures';
import { describeStores } from '../support/center-db';
import { startTestCenter, type TestCaller, type TestCenter } from '../support/center-server';
import { paperKeysOf } from '../supervision/support/simulated-exam-rows';
import { simulatedExam } from '../supervision/support/simulated-room';
import { answeringCandidate } from './support/simulated-answers';

describeStores('statistics route', (getDb) => {
  let centre: TestCenter;
  let admin: TestCaller;
  let orgStaff: TestCaller;

  beforeAll(async () => {
    const db = getDb();
    centre = await startTestCenter(db);
    const org = await centre.addOrganisation();
    admin = await centre.signIn('centre_admin');
    orgStaff = await centre.signIn('org_staff', { organisationId: org });
    const keys = paperKeysOf(simulatedExam(5, 20), 'P-ROUTE');
    const random = mulberry32(9);
    for (const session of ['S-A', 'S-B']) {
      await addPackage(db, {
        siteId: await addSite(db, org),
        sessionId: session,
        examId: 'P-ROUTE',
        occupationAndLevel: '电工（三级）',
        candidates: Array.from({ length: 6 }, (_, k) =>
          answeringCandidate(keys, k + (session === 'S-A' ? 100 : 200), 0.7, random),
        ),
      });
    }
    await addExamPaper(db, keys);
  }, 120_000);
  afterAll(async () => {
    await centre.close();
  });

  it(
    'serves the merged response file to a centre admin, audited; not to organisation staff',
    { timeout: 60_000 },
    async () => {
      const reply = await centre.call('GET', '/api/statistics/exams/P-ROUTE/responses', {
        token: admin.token,
      });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/text\/csv/);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(reply.bytes);
      expect(text).toMatch(/^\ufeff考生,Q\d{3},/);
      expect(text.split('\r\n').filter((line) => /^C\d{6},/.test(line))).toHaveLength(12);
      const audit = await centre.call<{
        records: { action: string; details: { candidates: number } }[];
      }>('GET', '/api/audit?subject=P-ROUTE', { token: admin.token });
      expect(audit.json?.data?.records[0]).toMatchObject({
        action: 'statistics.export',
        details: { candidates: 12 },
      });
      expect(
        (
          await centre.call('GET', '/api/statistics/exams/P-ROUTE/responses', {
            token: orgStaff.token,
          })
        ).status,
      ).toBe(403);
      expect(
        (await centre.call('GET', '/api/statistics/exams/NONE/responses', { token: admin.token }))
          .status,
      ).toBe(404);
    },
  );
});
