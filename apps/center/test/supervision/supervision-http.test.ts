import { mulberry32 } from '@skillexam/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExamineeResponses } from '../../src/supervision/answer-similarity';
import { addExamPaper, addPackage, addSite } from '../batches/support/centre-fixtures';
import { describeStores } from '../support/center-db';
import { startTestCenter, type TestCaller, type TestCenter } from '../support/center-server';
import { copyFrom, simulatedExam, simulateExaminee } from './support/simulated-room';
import { paperKeysOf, theoryRowOf } from './support/simulated-exam-rows';

/*
 * Supervision on a real server: four sites of one organisation sat the same simulated exam
 * (two rooms of 30 each); in one room a candidate copied 70% of a neighbour's answers.
 */

interface SimilarityReply {
  examCandidates: number;
  rooms: {
    roomName: string;
    pairsTested: number;
    flagged: {
      candidates: { name: string; theoryResultId: number }[];
      identicalWrong: { number: number; answer: string; key: string }[];
      p: number;
      threshold: number;
      packages: { sha256: string; auditUrl: string; audit: { seq: number; action: string }[] }[];
    }[];
  }[];
}

describeStores('supervision routes', (getDb) => {
  let centre: TestCenter;
  let supervisor: TestCaller;
  let orgStaff: TestCaller;
  const siteIds: string[] = [];
  let sourceName = '';

  beforeAll(async () => {
    const db = getDb();
    centre = await startTestCenter(db);
    const org = await centre.addOrganisation();
    supervisor = await centre.signIn('supervisor');
    orgStaff = await centre.signIn('org_staff', { organisationId: org });
    const exam = simulatedExam(31, 100);
    const random = mulberry32(32);
    let serial = 0;
    for (let s = 0; s < 4; s += 1) {
      const siteId = await addSite(db, org, `考点${s + 1}`);
      siteIds.push(siteId);
      const candidates = [];
      for (const room of ['第1考场', '第2考场']) {
        const people: ExamineeResponses[] = Array.from({ length: 30 }, (_, k) =>
          simulateExaminee(exam, `s${s}-${room}-${k}`, random),
        );
        if (s === 0 && room === '第1考场') {
          const source = [...people].sort(
            (x, y) => x.correct.filter((c) => c).length - y.correct.filter((c) => c).length,
          )[6]!;
          sourceName = source.id;
          people[people.indexOf(source) === 0 ? 1 : 0] = copyFrom(
            source,
            people[1]!,
            0.7,
            random,
            'copier',
          );
        }
        for (const person of people) candidates.push(theoryRowOf(person, (serial += 1), room));
      }
      await addPackage(db, {
        siteId,
        sessionId: 'S-SUP',
        examId: 'P-SUP',
        occupationAndLevel: '电工（三级）',
        candidates,
      });
    }
    await addExamPaper(db, paperKeysOf(exam, 'P-SUP'));
  }, 180_000);
  afterAll(async () => {
    await centre.close();
  });

  it(
    'finds the copied pair in its room, with evidence and links, and nothing elsewhere',
    { timeout: 60_000 },
    async () => {
      const reply = await centre.call<SimilarityReply>(
        'GET',
        `/api/supervision/sites/${siteIds[0]}/sessions/S-SUP/similarity`,
        { token: supervisor.token },
      );
      expect(reply.status).toBe(200);
      const data = reply.json?.data;
      expect(data?.examCandidates).toBe(240);
      expect(data?.rooms.map((r) => [r.roomName, r.pairsTested, r.flagged.length])).toEqual([
        ['第1考场', 435, 1],
        ['第2考场', 435, 0],
      ]);
      const [pair] = data!.rooms[0]!.flagged;
      expect(pair!.candidates.map((c) => c.name).sort()).toEqual(['copier', sourceName].sort());
      expect(pair!.p).toBeLessThanOrEqual(pair!.threshold);
      expect(pair!.identicalWrong.length).toBeGreaterThan(3);
      for (const item of pair!.identicalWrong) expect(item.answer).not.toBe(item.key);
      const [pkg] = pair!.packages;
      expect(pkg!.audit.map((a) => a.action)).toEqual(['package.ingest']);
      const audit = await centre.call<{ records: { seq: number }[] }>('GET', pkg!.auditUrl, {
        token: supervisor.token,
      });
      expect(audit.json?.data?.records.map((r) => r.seq)).toEqual(pkg!.audit.map((a) => a.seq));

      for (const siteId of siteIds.slice(1)) {
        const other = await centre.call<SimilarityReply>(
          'GET',
          `/api/supervision/sites/${siteId}/sessions/S-SUP/similarity?room=第2考场`,
          { token: supervisor.token },
        );
        expect(other.json?.data?.rooms.map((r) => r.flagged.length)).toEqual([0]);
      }
    },
  );

  it(
    'compares sites with the province; organisation staff may not look',
    { timeout: 60_000 },
    async () => {
      const reply = await centre.call<
        {
          occupationAndLevel: string;
          province: { n: number };
          sites: { n: number; meanAnswerSeconds: number }[];
        }[]
      >('GET', `/api/supervision/sites?occupationAndLevel=${encodeURIComponent('电工（三级）')}`, {
        token: supervisor.token,
      });
      expect(reply.status).toBe(200);
      const [report] = reply.json!.data!;
      expect(report).toMatchObject({ occupationAndLevel: '电工（三级）', province: { n: 240 } });
      expect(report!.sites.map((s) => s.n)).toEqual([60, 60, 60, 60]);
      expect(report!.sites.every((s) => s.meanAnswerSeconds > 1200)).toBe(true);
      expect(
        (await centre.call('GET', '/api/supervision/sites', { token: orgStaff.token })).status,
      ).toBe(403);
      expect(
        (
          await centre.call(
            'GET',
            `/api/supervision/sites/${siteIds[0]}/sessions/none/similarity`,
            {
              token: supervisor.token,
            },
          )
        ).status,
      ).toBe(404);
    },
  );
});
