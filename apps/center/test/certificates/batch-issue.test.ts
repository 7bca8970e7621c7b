import { beforeAll, expect, it } from 'vitest';
import { issueBatch } from '../../src/certificates/batch-issue';
import { CERTIFICATE_ROUTES } from '../../src/certificates/certificate-routes';
import type { CenterDb } from '../../src/db/center-db';
import { describeStores, testContext } from '../support/center-db';
import { addOrganisation, admin, giveRange, JUNE_2026, orgStaff, residentId } from './fixtures';

async function addBatch(
  db: CenterDb,
  id: string,
  organisationId: string,
  status: string,
  outcomes: string[],
): Promise<void> {
  await db.query(
    `INSERT INTO batches (id, organisation_id, name, occupation_code, occupation_name, level, pass_rule,
       status, created_by, created_at)
     VALUES ($1, $2, '2026年第一批', '6-31-01-03', '电工', 4, '{}', 'draft', 'maker', now())`,
    [id, organisationId],
  );
  for (const [index, outcome] of outcomes.entries()) {
    await db.query(
      `INSERT INTO batch_candidates (batch_id, id_number, name, theory_score, skills_score, outcome)
       VALUES ($1, $2, $3, 80, 80, $4)`,
      [id, residentId(index + 1, '19850505'), `${id}考生${String(index + 1)}`, outcome],
    );
  }
  // Candidates are frozen once a batch is submitted, so submission and approval come last.
  await db.query(
    `UPDATE batches SET status = 'submitted', submitted_by = 'maker', submitted_at = now() WHERE id = $1`,
    [id],
  );
  if (status === 'approved') {
    await db.query(
      `UPDATE batches SET status = 'approved', approved_by = 'checker', approved_at = now() WHERE id = $1`,
      [id],
    );
  }
}

describeStores('issuing a batch', (getDb) => {
  const ctx = () => testContext(getDb(), { now: () => JUNE_2026 });

  beforeAll(async () => {
    await addOrganisation(getDb(), { id: 'org-x', code: '0101', province: '31' });
    await addOrganisation(getDb(), { id: 'org-y', code: '0102', province: '31' });
    await giveRange(ctx(), 'org-x', { size: 100, level: 4, siteSerial: '000321' });
    await giveRange(ctx(), 'org-y', { size: 100, level: 4, siteSerial: '000322' });
    await addBatch(getDb(), 'b-ok', 'org-x', 'approved', [
      'pass',
      'fail',
      'pass',
      'incomplete',
      'pass',
    ]);
    await addBatch(getDb(), 'b-draft', 'org-x', 'submitted', ['pass']);
    await addBatch(getDb(), 'b-other', 'org-y', 'approved', ['pass']);
  }, 60_000);

  it('certifies every passed candidate of an approved batch once, in candidate order', async () => {
    const issued = await issueBatch(ctx(), orgStaff('org-x'), 'b-ok');
    expect(issued.map((c) => [c.number, c.name, c.level, c.occupation_name, c.id_type])).toEqual([
      ['Y010131000321264000001', 'b-ok考生1', 4, '电工', '居民身份证'],
      ['Y010131000321264000002', 'b-ok考生3', 4, '电工', '居民身份证'],
      ['Y010131000321264000003', 'b-ok考生5', 4, '电工', '居民身份证'],
    ]);
    expect(await issueBatch(ctx(), orgStaff('org-x'), 'b-ok')).toEqual([]);
  }, 60_000);

  it('issues a batch once when two people press issue at the same time', async () => {
    await addBatch(getDb(), 'b-twice', 'org-x', 'approved', ['pass', 'pass']);
    const [a, b] = await Promise.all([
      issueBatch(ctx(), orgStaff('org-x', 'x1'), 'b-twice'),
      issueBatch(ctx(), orgStaff('org-x', 'x2'), 'b-twice'),
    ]);
    expect((a?.length ?? 0) + (b?.length ?? 0)).toBe(2);
  }, 60_000);

  it('refuses a batch that is not approved', async () => {
    await expect(issueBatch(ctx(), orgStaff('org-x'), 'b-draft')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  }, 60_000);

  it('refuses another organisation’s batch as not found, and non-staff (attack)', async () => {
    await expect(issueBatch(ctx(), orgStaff('org-x'), 'b-other')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(issueBatch(ctx(), admin(), 'b-other')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const route = CERTIFICATE_ROUTES.find((r) => r.path === '/api/batches/:id/issue');
    expect(route?.roles).toEqual(['org_staff']);
    const rows = await getDb().query(`SELECT 1 FROM certificates WHERE organisation_id = 'org-y'`);
    expect(rows).toEqual([]);
  }, 60_000);
});
