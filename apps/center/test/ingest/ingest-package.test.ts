import { expect, it } from 'vitest';
import { ingestPackage } from '../../src/ingest/ingest-service';
import { ingestRowCounts } from '../../src/ingest/ingest-repository';
import { describeStores, testContext } from '../support/center-db';
import { packageSha256 } from './fake-site';
import { addOrganisation, enrolledSite, orgStaff } from './ingest-fixtures';

describeStores('results package ingest', (getDb) => {
  const ctx = () => testContext(getDb());

  it('stores the package, re-derived results, the paper and one audit record', async () => {
    await addOrganisation(getDb(), 'org-i1');
    const { site, view } = await enrolledSite(ctx(), 'org-i1', '广州第一考点');
    const bytes = site.makePackage({ sessionId: 's1', candidates: 12 });
    const before = await ingestRowCounts(getDb());
    const outcome = await ingestPackage(
      ctx(),
      { kind: 'staff', principal: orgStaff('org-i1') },
      bytes,
    );
    expect(outcome).toMatchObject({
      status: 'ingested',
      sha256: packageSha256(bytes),
      site: { id: view.id, name: '广州第一考点' },
      sessionId: 's1',
      candidates: 12,
    });
    const after = await ingestRowCounts(getDb());
    expect(after).toEqual({
      packages: before.packages + 1,
      results: before.results + 12,
      papers: before.papers + 1,
      audit: before.audit + 1,
    });
    const rows = await getDb().query<{
      admission_ticket: string;
      status: string;
      total: number | null;
      result: string | null;
      answer_seconds: number | null;
      item_points: number[] | null;
    }>(
      `SELECT admission_ticket, status, total, result, answer_seconds, item_points
       FROM theory_results WHERE package_id = $1 ORDER BY admission_ticket`,
      [outcome.packageId],
    );
    expect(rows[0]).toMatchObject({
      admission_ticket: 's1-T0001',
      status: 'normal',
      answer_seconds: 600,
    });
    expect(rows[0]?.total).toBeGreaterThan(0);
    expect(rows[0]?.item_points).toHaveLength(10);
    expect(rows[9]).toMatchObject({ status: 'absent', total: null, result: null });
    const head = await getDb().query<{ chain_seq: number; chain_hash: string }>(
      'SELECT chain_seq, chain_hash FROM sites WHERE id = $1',
      [view.id],
    );
    expect(head[0]).toEqual({
      chain_seq: outcome.chainHead.seq,
      chain_hash: outcome.chainHead.hash,
    });
  });

  it('is idempotent for the same bytes and accepts the next package on the chain', async () => {
    await addOrganisation(getDb(), 'org-i2');
    const { site } = await enrolledSite(ctx(), 'org-i2', '深圳考点');
    const first = site.makePackage({ sessionId: 's1' });
    const uploader = { kind: 'site' as const };
    const a = await ingestPackage(ctx(), uploader, first);
    const counts = await ingestRowCounts(getDb());
    const again = await ingestPackage(ctx(), uploader, first);
    expect(again).toMatchObject({ status: 'already_ingested', packageId: a.packageId });
    expect(await ingestRowCounts(getDb())).toEqual(counts);
    const second = await ingestPackage(
      ctx(),
      uploader,
      site.makePackage({ sessionId: 's2', filler: 50 }),
    );
    expect(second.status).toBe('ingested');
    expect(second.chainHead.seq).toBeGreaterThan(a.chainHead.seq);
  });

  it('supersedes a session re-sent later on the same chain', async () => {
    await addOrganisation(getDb(), 'org-i3');
    const { site } = await enrolledSite(ctx(), 'org-i3', '佛山考点');
    const uploader = { kind: 'site' as const };
    const first = await ingestPackage(ctx(), uploader, site.makePackage({ sessionId: 'r1' }));
    const resent = await ingestPackage(ctx(), uploader, site.makePackage({ sessionId: 'r1' }));
    expect(resent.supersedes).toBe(first.packageId);
    const current = await getDb().query<{ package_id: string; n: number }>(
      `SELECT package_id, count(*)::int AS n FROM theory_results
       WHERE session_id = 'r1' AND current GROUP BY package_id`,
    );
    expect(current).toEqual([{ package_id: resent.packageId, n: 5 }]);
  });
});
