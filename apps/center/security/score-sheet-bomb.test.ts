import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/support/center-db';
import { startTestCenter } from '../test/support/center-server';
import { bombXlsx } from '../../../packages/item-bank/test/import-export/support/bomb-xlsx';
import { auditCount, buildWorld, draftBatch, theoryResults, type World } from './support/world';

/*
 * Organisation staff upload a 技能成绩 sheet that is a zip bomb (a 48 MB sheet XML in a few
 * dozen KB): the score import refuses it with 400 and the reason before the sheet is inflated
 * or a workbook built, writes nothing, and the centre keeps answering (docs/decisions/0996).
 */

describeStores('a score sheet zip bomb', (getDb) => {
  let world: World;
  beforeAll(async () => {
    const db = getDb();
    world = await buildWorld(await startTestCenter(db), db);
  });
  afterAll(() => world.centre.close());

  it('is refused with 400 and the reason; nothing is written; the centre still answers', async () => {
    const { centre, db, a1 } = world;
    const { examId, idNumbers } = await theoryResults(world, world.orgA, 2);
    const batchId = await draftBatch(world, a1, examId, idNumbers);
    const scores = () =>
      db.query(
        `SELECT id_number, skills_score, outcome FROM batch_candidates WHERE batch_id = $1 ORDER BY id`,
        [batchId],
      );
    const before = { scores: await scores(), audits: await auditCount(db) };
    const bomb = bombXlsx(48, '110105194912310021');
    expect(bomb.length).toBeLessThan(256 * 1024);

    const refused = await centre.call(
      'POST',
      `/api/batches/${encodeURIComponent(batchId)}/scores?fileName=${encodeURIComponent('成绩.xlsx')}`,
      { token: a1.token, body: new Uint8Array(bomb) },
    );
    expect(refused.status).toBe(400);
    expect(refused.json?.error?.message).toMatch(
      /成绩\.xlsx：无法读取 \.xlsx 文件（条目 xl\/worksheets\/sheet1\.xml）：.*疑似压缩炸弹/,
    );

    expect((await centre.call('GET', '/api/health')).status).toBe(200);
    expect({ scores: await scores(), audits: await auditCount(db) }).toEqual(before);
  });
});
