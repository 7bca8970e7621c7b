import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CenterDb } from '../../src/db/center-db';
import { describeStores } from '../support/center-db';
import { startTestCenter, type TestCaller, type TestCenter } from '../support/center-server';
import { addPackage, addSite, idNumberFor } from './support/centre-fixtures';
import { xlsxOf } from './support/score-sheets';

/*
 * The batch routes on a real centre server on port 0, attacked by the people the four-eyes
 * rule must stop: the submitter approving their own batch, another organisation's staff,
 * a supervisor, and anyone changing an approved batch.
 */

const ELECTRICIAN = { occupationCode: '6-31-01-03', occupationName: '电工', level: 3 };

describeStores('batch routes on a real server', (getDb) => {
  let centre: TestCenter;
  let db: CenterDb;
  let maker: TestCaller;
  let checker: TestCaller;
  let outsider: TestCaller;
  let supervisor: TestCaller;
  const ids = [idNumberFor(41_001), idNumberFor(41_002)];

  beforeAll(async () => {
    db = getDb();
    centre = await startTestCenter(db);
    const org = await centre.addOrganisation();
    maker = await centre.signIn('org_staff', { organisationId: org });
    checker = await centre.signIn('org_staff', { organisationId: org });
    outsider = await centre.signIn('org_staff');
    supervisor = await centre.signIn('supervisor');
    await addPackage(db, {
      siteId: await addSite(db, org),
      sessionId: 'S-HTTP',
      examId: 'P-HTTP',
      occupationAndLevel: '电工（三级）',
      candidates: [
        { idNumber: ids[0]!, name: '张三', total: 80, fullMarks: 100 },
        { idNumber: ids[1]!, name: '李四', total: 55, fullMarks: 100, result: 'fail' },
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await centre.close();
  });

  async function candidatesOf(batchId: string) {
    return db.query(
      `SELECT id_number, skills_score, outcome FROM batch_candidates WHERE batch_id = $1 ORDER BY id`,
      [batchId],
    );
  }

  it(
    'runs a batch end to end and refuses every four-eyes attack',
    { timeout: 60_000 },
    async () => {
      const created = await centre.call<{ id: string }>('POST', '/api/batches', {
        token: maker.token,
        body: { name: '第一批', ...ELECTRICIAN },
      });
      expect(created.status).toBe(201);
      const id = created.json?.data?.id ?? '';
      const base = `/api/batches/${encodeURIComponent(id)}`;

      const added = await centre.call('POST', `${base}/candidates`, {
        token: maker.token,
        body: { examId: 'P-HTTP' },
      });
      expect(added.json).toMatchObject({ ok: true, data: { added: 2 } });

      const bad = await xlsxOf([
        ['身份证号', '技能分'],
        [ids[0]!, '八十'],
      ]);
      const refused = await centre.call('POST', `${base}/scores?fileName=bad.xlsx&skills=技能分`, {
        token: maker.token,
        body: bad,
      });
      expect(refused.status).toBe(400);
      expect(refused.json?.error?.message).toMatch(
        /bad\.xlsx 第 2 行 技能分（B 列）：“八十”应为 0–100 的分数/,
      );

      const sheet = await xlsxOf([
        ['身份证号', '技能分'],
        [ids[0]!, '80'],
        [ids[1]!, '90'],
      ]);
      const imported = await centre.call('POST', `${base}/scores?fileName=ok.xlsx&skills=技能分`, {
        token: maker.token,
        body: sheet,
      });
      expect(imported.json).toMatchObject({ ok: true, data: { rows: 2, skills: 2 } });

      expect((await centre.call('POST', `${base}/submit`, { token: maker.token })).status).toBe(
        200,
      );

      // the submitter approving their own batch
      const self = await centre.call('POST', `${base}/approve`, { token: maker.token });
      expect(self.status).toBe(403);
      expect(self.json?.error?.message).toMatch(/提交人不能审核/);
      // another organisation's staff: the batch does not exist for them
      expect((await centre.call('POST', `${base}/approve`, { token: outsider.token })).status).toBe(
        404,
      );
      expect((await centre.call('GET', base, { token: outsider.token })).status).toBe(404);
      // a supervisor reads but may not approve, return or write
      expect((await centre.call('GET', base, { token: supervisor.token })).status).toBe(200);
      expect(
        (await centre.call('POST', `${base}/approve`, { token: supervisor.token })).status,
      ).toBe(403);
      expect(
        (
          await centre.call('POST', `${base}/return`, {
            token: supervisor.token,
            body: { reason: 'x' },
          })
        ).status,
      ).toBe(403);
      // no score changes while submitted
      const frozen = await centre.call('POST', `${base}/scores?fileName=ok.xlsx&skills=技能分`, {
        token: maker.token,
        body: sheet,
      });
      expect(frozen.status).toBe(409);

      const approved = await centre.call('POST', `${base}/approve`, { token: checker.token });
      expect(approved.json).toMatchObject({
        ok: true,
        data: { status: 'approved', approvedBy: checker.staffId },
      });

      // an approved batch is frozen: no scores, no candidates, no second decision
      const before = await candidatesOf(id);
      const late = await xlsxOf([
        ['身份证号', '技能分'],
        [ids[1]!, '10'],
      ]);
      expect(
        (
          await centre.call('POST', `${base}/scores?fileName=late.xlsx&skills=技能分`, {
            token: checker.token,
            body: late,
          })
        ).status,
      ).toBe(409);
      expect(
        (await centre.call('POST', `${base}/candidates`, { token: maker.token, body: {} })).status,
      ).toBe(409);
      expect(
        (
          await centre.call('POST', `${base}/return`, {
            token: checker.token,
            body: { reason: '重审' },
          })
        ).status,
      ).toBe(409);
      expect(await candidatesOf(id)).toEqual(before);

      const audit = await centre.call<{ records: { action: string; actor: string }[] }>(
        'GET',
        `/api/audit?subject=${encodeURIComponent(id)}`,
        { token: supervisor.token },
      );
      expect(audit.json?.data?.records.map((r) => `${r.action} ${r.actor}`).reverse()).toEqual([
        `batch.create ${maker.username}`,
        `batch.candidates.add ${maker.username}`,
        `batch.scores.import ${maker.username}`,
        `batch.submit ${maker.username}`,
        `batch.approve ${checker.username}`,
      ]);
    },
  );

  it(
    'validates bodies and keeps other organisations out of listings',
    { timeout: 60_000 },
    async () => {
      const invalid = await centre.call('POST', '/api/batches', {
        token: maker.token,
        body: { name: 'x', occupationCode: '631', occupationName: '电工', level: 7 },
      });
      expect(invalid.status).toBe(400);
      const mine = await centre.call<{ id: string }[]>('GET', '/api/batches', {
        token: maker.token,
      });
      const theirs = await centre.call<{ id: string }[]>('GET', '/api/batches', {
        token: outsider.token,
      });
      expect(mine.json?.data?.length).toBeGreaterThan(0);
      expect(theirs.json?.data).toEqual([]);
    },
  );
});
