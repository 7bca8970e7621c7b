import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '@skillexam/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate';
import { openCenterDb } from '../../src/db/open-center-db';
import {
  addExamPaper,
  addOrganisation,
  addPackage,
  addSite,
} from '../batches/support/centre-fixtures';
import { CENTER_BIN, QBANK_BIN, runBin, sampleBankWithPaper } from './support/sample-bank';
import { answeringCandidate } from './support/simulated-answers';

/*
 * The centre merges the answers of every site that used an exam into one response file, and the
 * real `qbank stats import` (the built CLI) takes it into the bank that made the exam — once.
 */

describe('center stats export → qbank stats import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'center-stats-'));
  let bankFile = '';
  let paperId = '';
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    const made = await sampleBankWithPaper(dir);
    bankFile = made.bankFile;
    paperId = made.keys.paperId;
    const db = await openCenterDb({ dataDir: join(dir, 'centre') });
    try {
      await migrate(db);
      const org = await addOrganisation(db);
      const random = mulberry32(7);
      let serial = 0;
      for (const [site, count, session] of [
        ['甲', 30, 'S-2026-12-01'],
        ['乙', 20, 'S-2026-12-02'],
      ] as const) {
        const candidates = Array.from({ length: count }, () =>
          answeringCandidate(made.keys, (serial += 1), 0.5 + random() * 0.45, random),
        );
        candidates.push({
          idNumber: `11010119900101${String(serial).padStart(3, '0')}X`,
          name: '缺考',
          status: 'absent',
        });
        await addPackage(db, {
          siteId: await addSite(db, org, `考点${site}`),
          sessionId: session,
          examId: paperId,
          occupationAndLevel: '电工（四级）',
          receivedAt: new Date('2026-12-02T08:00:00Z'),
          candidates,
        });
      }
      await addExamPaper(db, made.keys, '电工（四级）');
    } finally {
      await db.close();
    }
  }, 240_000);

  it(
    'writes one anonymous response file that the bank imports once',
    { timeout: 120_000 },
    async () => {
      const out = join(dir, 'merged.csv');
      const exported = await runBin(CENTER_BIN, [
        'stats',
        'export',
        '--exam',
        paperId,
        '--data',
        join(dir, 'centre'),
        '--out',
        out,
      ]);
      expect(exported.stderr).toBe('');
      expect(exported.code).toBe(0);
      expect(exported.stdout).toMatch(/考生 50 人，试题 \d+ 道，来自 2 个考点、2 个场次/);
      const text = readFileSync(out, 'utf8');
      expect(text).toMatch(new RegExp(`#考试,${paperId}`));
      expect(text).toMatch(/#场次,centre-all-sites/);
      expect(text).not.toMatch(/考生\d|1101011990/);
      expect(text.split('\r\n').filter((line) => /^C\d{6},/.test(line))).toHaveLength(50);

      const imported = await runBin(QBANK_BIN, [
        'stats',
        'import',
        out,
        '--bank',
        bankFile,
        '--json',
      ]);
      expect(imported.code, imported.stdout + imported.stderr).toBe(0);
      const data = (
        JSON.parse(imported.stdout) as {
          data: { candidates: number; updated: number; identity: unknown };
        }
      ).data;
      expect(data.candidates).toBe(50);
      expect(data.updated).toBeGreaterThan(0);
      expect(data.identity).toMatchObject({ examId: paperId, sessionId: 'centre-all-sites' });

      const again = await runBin(QBANK_BIN, ['stats', 'import', out, '--bank', bankFile]);
      expect(again.code).not.toBe(0);
      expect(again.stdout + again.stderr).toMatch(/已经导入过/);
    },
  );

  it('refuses an unknown exam with a clear message', { timeout: 60_000 }, async () => {
    const result = await runBin(CENTER_BIN, [
      'stats',
      'export',
      '--exam',
      'NO-SUCH',
      '--data',
      join(dir, 'centre'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/没有试卷 NO-SUCH 的成绩/);
  });
});
