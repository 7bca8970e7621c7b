import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestRowCounts } from '../src/ingest/ingest-repository';
import { SITE_PUSH_PATH } from '../src/ingest/ingest.routes';
import { FakeSite } from '../test/ingest/fake-site';
import { describeStores } from '../test/support/center-db';
import { startTestCenter } from '../test/support/center-server';
import { buildWorld, ok, type World } from './support/world';

/*
 * What test/ingest/ingest-attacks.test.ts (signatures, replays, forks, tampered totals, another
 * organisation's uploader, oversize) leaves to this file: two organisations' sites sending the
 * same exam with the same candidate ID numbers — each organisation's batch takes its own sites'
 * results only, whatever the other site sends later — and uploads by roles that may not upload.
 */

describeStores('ingest across organisations', (getDb) => {
  let world: World;
  const siteA = new FakeSite('甲考点');
  const siteB = new FakeSite('乙考点');
  const siteIds: Record<string, string> = {};

  beforeAll(async () => {
    const db = getDb();
    world = await buildWorld(await startTestCenter(db), db);
    for (const [site, org, serial] of [
      [siteA, world.orgA, '770001'],
      [siteB, world.orgB, '770002'],
    ] as const) {
      const enrolled = ok(
        await world.centre.call<{ id: string }>('POST', '/api/sites', {
          token: world.admin.token,
          body: {
            organisationId: org,
            name: site.name,
            siteSerial: serial,
            publicKeyPem: site.publicKeyPem,
          },
        }),
        'enrol',
      );
      siteIds[site.name] = enrolled.id;
    }
  });
  afterAll(() => world.centre.close());

  async function batchWithCandidates(staff: typeof world.a1): Promise<string> {
    const batch = ok(
      await world.centre.call<{ id: string }>('POST', '/api/batches', {
        token: staff.token,
        body: { name: '同卷', occupationCode: '6-31-01-03', occupationName: '电工', level: 4 },
      }),
      'batch',
    );
    ok(
      await world.centre.call('POST', `/api/batches/${batch.id}/candidates`, {
        token: staff.token,
        body: { examId: 'exam-1' },
      }),
      'candidates',
    );
    return batch.id;
  }

  async function sourcesOf(batchId: string) {
    return world.db.query<{ id_number: string; site_id: string; session_id: string }>(
      `SELECT b.id_number, t.site_id, t.session_id FROM batch_candidates b
         JOIN theory_results t ON t.id = b.theory_result_id
        WHERE b.batch_id = $1 ORDER BY b.id_number`,
      [batchId],
    );
  }

  it("colliding ID numbers: each organisation's batch takes its own sites' results only", async () => {
    const { centre, a1, b1 } = world;
    ok(
      await centre.call('POST', '/api/packages', {
        token: a1.token,
        body: siteA.makePackage({ sessionId: 'A-1' }),
      }),
      'A',
    );
    ok(
      await centre.call('POST', SITE_PUSH_PATH, { body: siteB.makePackage({ sessionId: 'B-1' }) }),
      'B',
    );
    const [idsA, idsB] = await Promise.all([
      world.db.query<{ id_number: string }>(
        'SELECT id_number FROM theory_results WHERE site_id = $1 ORDER BY 1',
        [siteIds[siteA.name]],
      ),
      world.db.query<{ id_number: string }>(
        'SELECT id_number FROM theory_results WHERE site_id = $1 ORDER BY 1',
        [siteIds[siteB.name]],
      ),
    ]);
    expect(idsA.length).toBeGreaterThan(0);
    expect(idsA).toEqual(idsB); // the same people, as far as ID numbers go

    const batchA = await batchWithCandidates(a1);
    const batchB = await batchWithCandidates(b1);
    const fromA = await sourcesOf(batchA);
    expect(fromA.length).toBe(idsA.length);
    expect(new Set(fromA.map((r) => r.site_id))).toEqual(new Set([siteIds[siteA.name]]));
    expect(new Set((await sourcesOf(batchB)).map((r) => r.site_id))).toEqual(
      new Set([siteIds[siteB.name]]),
    );

    // B's site sends a newer session of the same exam: A's batch, re-added, still takes A's
    ok(
      await centre.call('POST', SITE_PUSH_PATH, { body: siteB.makePackage({ sessionId: 'B-2' }) }),
      'B again',
    );
    ok(
      await centre.call('POST', `/api/batches/${batchA}/candidates`, {
        token: a1.token,
        body: { examId: 'exam-1' },
      }),
      're-add',
    );
    const again = await sourcesOf(batchA);
    expect(new Set(again.map((r) => `${r.site_id} ${r.session_id}`))).toEqual(
      new Set([`${siteIds[siteA.name] ?? ''} A-1`]),
    );
  });

  it('only organisation staff upload: a supervisor and a centre admin are refused, nothing written', async () => {
    const before = await ingestRowCounts(world.db);
    const bytes = siteA.makePackage({ sessionId: 'A-2' });
    for (const caller of [world.supervisor, world.admin]) {
      const reply = await world.centre.call('POST', '/api/packages', {
        token: caller.token,
        body: bytes,
      });
      expect(reply.status).toBe(403);
    }
    const foreign = await world.centre.call('POST', '/api/packages', {
      token: world.b1.token,
      body: bytes,
    });
    expect([foreign.status, foreign.json?.error?.message.split(':')[0]]).toEqual([
      403,
      'UPLOADER_FORBIDDEN',
    ]);
    expect(await ingestRowCounts(world.db)).toEqual(before);
  });
});
