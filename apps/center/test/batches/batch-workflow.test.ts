import { expect, it } from 'vitest';
import type { CenterPrincipal } from '../../src/auth/center-roles';
import { approveBatch, returnBatch, submitBatch } from '../../src/batches/batch-review';
import { importScores } from '../../src/batches/batch-scores';
import { addCandidates, createBatch, getBatch } from '../../src/batches/batch-service';
import type { CenterDb } from '../../src/db/center-db';
import { describeStores, testContext } from '../support/center-db';
import {
  addOrganisation,
  addPackage,
  addSite,
  addStaff,
  idNumberFor,
} from './support/centre-fixtures';
import { csvOf, xlsxOf } from './support/score-sheets';

const ELECTRICIAN = { occupationCode: '6-31-01-03', occupationName: '电工' };

async function auditActions(db: CenterDb, subject: string): Promise<string[]> {
  const rows = await db.query<{ action: string }>(
    `SELECT action FROM audit_log WHERE subject = $1 ORDER BY seq`,
    [subject],
  );
  return rows.map((row) => row.action);
}

async function world(db: CenterDb) {
  const org = await addOrganisation(db);
  const otherOrg = await addOrganisation(db);
  const maker = await addStaff(db, 'org_staff', org);
  const checker = await addStaff(db, 'org_staff', org);
  const outsider = await addStaff(db, 'org_staff', otherOrg);
  const supervisor = await addStaff(db, 'supervisor');
  const admin = await addStaff(db, 'centre_admin');
  const site = await addSite(db, org);
  const otherSite = await addSite(db, otherOrg);
  const ids = [1, 2, 3, 4, 5].map((n) => idNumberFor(n + Math.floor(Math.random() * 40_000)));
  const [a, b, c, d, e] = ids as [string, string, string, string, string];
  const level = { occupationAndLevel: '电工（三级）', examId: 'P-1' };
  await addPackage(db, {
    siteId: site,
    sessionId: 'S-old',
    ...level,
    receivedAt: new Date('2026-01-01'),
    candidates: [{ idNumber: a, name: '张三', total: 10, fullMarks: 50, result: 'fail' }],
  });
  await addPackage(db, {
    siteId: site,
    sessionId: 'S-1',
    ...level,
    candidates: [
      { idNumber: a, name: '张三', total: 45, fullMarks: 50 },
      { idNumber: b, name: '李四', total: 29, fullMarks: 50, result: 'fail' },
      { idNumber: c, name: '王五', total: 40, fullMarks: 50 },
      { idNumber: d, name: '赵六', total: 30, fullMarks: 50, result: 'pending' },
      { idNumber: e, name: '钱七', status: 'absent' },
    ],
  });
  await addPackage(db, {
    siteId: otherSite,
    sessionId: 'S-2',
    ...level,
    candidates: [{ idNumber: idNumberFor(49_999), name: '外机构', total: 50, fullMarks: 50 }],
  });
  return { org, maker, checker, outsider, supervisor, admin, ids: { a, b, c, d, e } };
}

describeStores('batches: candidates, scores, four-eyes', (getDb) => {
  it(
    'builds a batch from theory results and skills scores, then approves it with four eyes',
    { timeout: 60_000 },
    async () => {
      const db = getDb();
      const ctx = testContext(db);
      const w = await world(db);
      const batch = await createBatch(ctx, w.maker, {
        name: '2026 第一批',
        ...ELECTRICIAN,
        level: 3,
      });
      expect(batch).toMatchObject({
        status: 'draft',
        passRule: { theory: 60, skills: 60, review: 60 },
      });

      const report = await addCandidates(ctx, w.maker, batch.id, {});
      expect(report).toEqual({
        added: 4,
        updated: 0,
        skipped: { absent: 1, voided: 0, older: 1 },
        pending: 1,
      });
      let view = await getBatch(ctx, w.maker, batch.id);
      const theory = Object.fromEntries(view.candidates.map((c) => [c.name, c.theoryScore]));
      expect(theory).toEqual({ 张三: 90, 李四: 58, 王五: 80, 赵六: null });

      const sheet = await xlsxOf([
        ['证件号码', '姓名', '实操成绩'],
        [w.ids.a, '张三', '75'],
        [w.ids.b, '李四', '90'],
        [w.ids.c, '王五', '59.5'],
        [w.ids.d, '赵六', '缺考'],
      ]);
      const imported = await importScores(ctx, w.maker, batch.id, {
        fileName: '实操.xlsx',
        bytes: sheet,
      });
      expect(imported).toMatchObject({ rows: 4, skills: 3, absent: 1, notInSheet: 0 });
      view = await getBatch(ctx, w.maker, batch.id);
      expect(Object.fromEntries(view.candidates.map((c) => [c.name, c.outcome]))).toEqual({
        张三: 'pass',
        李四: 'fail',
        王五: 'fail',
        赵六: 'incomplete',
      });
      expect(view.summary).toEqual({ candidates: 4, pass: 1, fail: 2, incomplete: 1 });

      await submitBatch(ctx, w.maker, batch.id);
      await expect(approveBatch(ctx, w.maker, batch.id)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(approveBatch(ctx, w.supervisor, batch.id)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(approveBatch(ctx, w.outsider, batch.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        importScores(ctx, w.maker, batch.id, {
          fileName: 'x.csv',
          bytes: csvOf([
            ['身份证号', '实操成绩'],
            [w.ids.a, '99'],
          ]),
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      const approved = await approveBatch(ctx, w.checker, batch.id);
      expect(approved).toMatchObject({
        status: 'approved',
        submittedBy: w.maker.staffId,
        approvedBy: w.checker.staffId,
      });
      await expect(addCandidates(ctx, w.maker, batch.id, {})).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(returnBatch(ctx, w.admin, batch.id, '再看看')).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect(await auditActions(db, batch.id)).toEqual([
        'batch.create',
        'batch.candidates.add',
        'batch.scores.import',
        'batch.submit',
        'batch.approve',
      ]);
    },
  );

  it(
    'lets neither the submitter nor a maker approve; a return reopens the batch',
    { timeout: 60_000 },
    async () => {
      const db = getDb();
      const ctx = testContext(db);
      const w = await world(db);
      const batch = await createBatch(ctx, w.maker, { name: '退回', ...ELECTRICIAN, level: 3 });
      await addCandidates(ctx, w.maker, batch.id, { sessionId: 'S-1' });
      await submitBatch(ctx, w.checker, batch.id);
      await expect(approveBatch(ctx, w.checker, batch.id)).rejects.toThrow(/提交人不能审核/);
      await expect(approveBatch(ctx, w.maker, batch.id)).rejects.toThrow(/不能审核该批次/);
      await expect(returnBatch(ctx, w.admin, batch.id, '  ')).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
      const returned = await returnBatch(ctx, w.admin, batch.id, '实操成绩缺一人');
      expect(returned).toMatchObject({ status: 'returned', returnReason: '实操成绩缺一人' });
      await importScores(ctx, w.maker, batch.id, {
        fileName: 'fix.csv',
        bytes: csvOf([
          ['身份证号', '技能成绩'],
          [w.ids.a, '61'],
          [w.ids.d, '70'],
        ]),
      });
      await submitBatch(ctx, w.maker, batch.id);
      expect(await approveBatch(ctx, w.admin, batch.id)).toMatchObject({ status: 'approved' });
      expect(await auditActions(db, batch.id)).toEqual([
        'batch.create',
        'batch.candidates.add',
        'batch.submit',
        'batch.return',
        'batch.scores.import',
        'batch.submit',
        'batch.approve',
      ]);
    },
  );

  it('imports nothing from a sheet with any problem', { timeout: 60_000 }, async () => {
    const db = getDb();
    const ctx = testContext(db);
    const w = await world(db);
    const batch = await createBatch(ctx, w.maker, { name: '全有或全无', ...ELECTRICIAN, level: 3 });
    await addCandidates(ctx, w.maker, batch.id, {});
    const before = await getBatch(ctx, w.maker, batch.id);
    const audit = await auditActions(db, batch.id);
    const sheet = csvOf([
      ['身份证号', '实操成绩'],
      [w.ids.a, '80'],
      [w.ids.b, '120'],
      [idNumberFor(49_998), '70'],
    ]);
    await expect(
      importScores(ctx, w.maker, batch.id, { fileName: 'bad.csv', bytes: sheet }),
    ).rejects.toThrow(
      /成绩表有 2 处问题，未导入任何成绩[\s\S]*bad\.csv 第 3 行 实操成绩（B 列）：“120”应为 0–100[\s\S]*bad\.csv 第 4 行 身份证号（A 列）：.*不在本批次的考生中/,
    );
    await expect(
      importScores(ctx, w.maker, batch.id, {
        fileName: 'bad.xlsx',
        bytes: new Uint8Array([1, 2, 3]),
      }),
    ).rejects.toThrow(/bad\.xlsx：无法读取 \.xlsx 文件/);
    await expect(
      importScores(ctx, w.maker, batch.id, { fileName: 'scores.pdf', bytes: new Uint8Array([1]) }),
    ).rejects.toThrow(/不支持的文件类型/);
    expect(await getBatch(ctx, w.maker, batch.id)).toEqual(before);
    expect(await auditActions(db, batch.id)).toEqual(audit);
  });

  it(
    'needs the 综合评审 score for 技师 and applies the batch pass rule',
    { timeout: 60_000 },
    async () => {
      const db = getDb();
      const ctx = testContext(db);
      const w = await world(db);
      await addPackage(db, {
        siteId: await addSite(db, w.org),
        sessionId: 'S-T',
        examId: 'P-2',
        occupationAndLevel: '电工（二级）',
        candidates: [{ idNumber: w.ids.a, name: '张三', total: 70, fullMarks: 100 }],
      });
      const batch = await createBatch(ctx, w.maker, {
        name: '技师',
        ...ELECTRICIAN,
        level: 2,
        passRule: { theory: 70, skills: 60, review: 75 },
      });
      await addCandidates(ctx, w.maker, batch.id, {});
      await importScores(ctx, w.maker, batch.id, {
        fileName: 's.csv',
        bytes: csvOf([
          ['身份证号', '实操成绩'],
          [w.ids.a, '88'],
        ]),
      });
      let [candidate] = (await getBatch(ctx, w.maker, batch.id)).candidates;
      expect(candidate).toMatchObject({
        theoryScore: 70,
        skillsScore: 88,
        reviewScore: null,
        outcome: 'incomplete',
      });
      await importScores(ctx, w.maker, batch.id, {
        fileName: 'r.csv',
        bytes: csvOf([
          ['身份证号', '评审成绩'],
          [w.ids.a, '74.5'],
        ]),
      });
      [candidate] = (await getBatch(ctx, w.maker, batch.id)).candidates;
      expect(candidate).toMatchObject({ skillsScore: 88, reviewScore: 74.5, outcome: 'fail' });
      await importScores(ctx, w.maker, batch.id, {
        fileName: 'r2.csv',
        bytes: csvOf([
          ['身份证号', '综合评审'],
          [w.ids.a, '75'],
        ]),
      });
      [candidate] = (await getBatch(ctx, w.maker, batch.id)).candidates;
      expect(candidate?.outcome).toBe('pass');
    },
  );

  it(
    'finds the level in the texts sites write, and only that level',
    { timeout: 60_000 },
    async () => {
      const db = getDb();
      const ctx = testContext(db);
      const w = await world(db);
      const siteId = await addSite(db, w.org);
      const texts = [
        '电工（高级工）',
        '电工（三级/高级工）',
        '电工（四级/中级工）',
        '维修电工（三级）',
        '电工（技师）',
      ];
      for (const [k, occupationAndLevel] of texts.entries()) {
        await addPackage(db, {
          siteId,
          sessionId: `S-L${k}`,
          examId: `P-L${k}`,
          occupationAndLevel,
          candidates: [{ idNumber: idNumberFor(48_000 + k), name: occupationAndLevel, total: 80 }],
        });
      }
      const batch = await createBatch(ctx, w.maker, { name: '等级匹配', ...ELECTRICIAN, level: 3 });
      await addCandidates(ctx, w.maker, batch.id, {});
      const names = (await getBatch(ctx, w.maker, batch.id)).candidates.map((c) => c.name);
      expect(
        names.filter((name) => name.startsWith('电工（') || name.startsWith('维修')).sort(),
      ).toEqual(['电工（三级/高级工）', '电工（高级工）'].sort());
      const exact = await createBatch(ctx, w.maker, { name: '指定', ...ELECTRICIAN, level: 3 });
      expect(
        await addCandidates(ctx, w.maker, exact.id, { occupationAndLevel: '维修电工（三级）' }),
      ).toMatchObject({ added: 1 });
    },
  );

  it(
    'keeps organisations apart; supervisors and admins read, only organisation staff write',
    { timeout: 60_000 },
    async () => {
      const db = getDb();
      const ctx = testContext(db);
      const w = await world(db);
      const batch = await createBatch(ctx, w.maker, { name: '隔离', ...ELECTRICIAN, level: 3 });
      await expect(getBatch(ctx, w.outsider, batch.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(addCandidates(ctx, w.outsider, batch.id, {})).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(addCandidates(ctx, w.supervisor, batch.id, {})).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(submitBatch(ctx, w.admin, batch.id)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect((await getBatch(ctx, w.supervisor, batch.id)).batch.id).toBe(batch.id);
      await expect(
        createBatch(ctx, w.admin as CenterPrincipal, { name: 'x', ...ELECTRICIAN, level: 3 }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // the outsider's own batch finds no theory results of the first organisation's sites
      const theirs = await createBatch(ctx, w.outsider, {
        name: '外机构',
        ...ELECTRICIAN,
        level: 3,
      });
      expect(await addCandidates(ctx, w.outsider, theirs.id, {})).toMatchObject({ added: 1 });
    },
  );
});
