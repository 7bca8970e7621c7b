import { beforeAll, expect, it } from 'vitest';
import { issueCertificates } from '../../src/certificates/issue-certificates';
import { voidCertificate } from '../../src/certificates/void-certificate';
import type { CenterDb } from '../../src/db/center-db';
import { describeStores, testContext } from '../support/center-db';
import {
  addOrganisation,
  admin,
  giveRange,
  holder,
  JUNE_2026,
  orgStaff,
  supervisor,
} from './fixtures';

async function serialsOf(db: CenterDb, rangeId: string): Promise<number[]> {
  const rows = await db.query<{ serial: number }>(
    'SELECT serial FROM certificates WHERE range_id = $1 ORDER BY serial',
    [rangeId],
  );
  return rows.map((row) => row.serial);
}

describeStores('issuing certificates', (getDb) => {
  const ctx = () => testContext(getDb(), { now: () => JUNE_2026 });
  const issue = (org: string, holders: unknown[], actor = orgStaff(org)) =>
    issueCertificates(getDb(), {
      organisationId: org,
      holders,
      actor,
      audit: ctx().audit,
      now: JUNE_2026,
    });

  beforeAll(async () => {
    await addOrganisation(getDb(), { id: 'org-a', code: '0001', province: '44' });
    await addOrganisation(getDb(), { id: 'org-b', code: '0002', province: '11', kind: 'S' });
  }, 60_000);

  it('numbers holders in order from the range, and from the next range when one runs out', async () => {
    const first = await giveRange(ctx(), 'org-a', { size: 3, siteSerial: '000123' });
    const second = await giveRange(ctx(), 'org-a', { size: 10, siteSerial: '000123' });
    const issued = await issue('org-a', [holder(1), holder(2), holder(3), holder(4)]);
    expect(issued.map((c) => c.number)).toEqual([
      'Y000144000123265000001',
      'Y000144000123265000002',
      'Y000144000123265000003',
      'Y000144000123265000004',
    ]);
    expect(issued.map((c) => c.range_id)).toEqual([first.id, first.id, first.id, second.id]);
    expect(issued[0]).toMatchObject({
      name: '持证人1',
      status: 'valid',
      issued_by: 'staff-org-a',
      level: 5,
    });
  }, 60_000);

  it('refuses bad holder rows, naming row and field, and issues nothing', async () => {
    const before = await getDb().query('SELECT count(*)::int AS n FROM certificates');
    await expect(
      issue('org-a', [
        holder(5),
        holder(6, { idNumber: '440106199001010010' }),
        holder(7, { occupationCode: '4-4-5-4', level: 7 }),
      ]),
    ).rejects.toThrow(
      /第 2 位持证人 idNumber: 居民身份证号码校验码应为 .*第 3 位持证人 occupationCode: 职业编码/,
    );
    expect(await getDb().query('SELECT count(*)::int AS n FROM certificates')).toEqual(before);
  }, 60_000);

  it('refuses when the ranges are too small, and leaves the counters as they were', async () => {
    const range = await giveRange(ctx(), 'org-b', { size: 2, level: 3, siteSerial: '000009' });
    await expect(
      issue('org-b', [holder(1, { level: 3 }), holder(2, { level: 3 }), holder(3, { level: 3 })]),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('号段不足') as string,
    });
    const [row] = await getDb().query<{ next_serial: number }>(
      'SELECT next_serial FROM certificate_ranges WHERE id = $1',
      [range.id],
    );
    expect(row?.next_serial).toBe(1);
  }, 60_000);

  it('rolls the counter back when a later step fails: no gap', async () => {
    const range = await giveRange(ctx(), 'org-b', { size: 10, level: 4, siteSerial: '000009' });
    await issue('org-b', [holder(10, { level: 4, batchCandidateId: '9001' })]);
    // The second row repeats a candidate that already has a certificate: the insert fails
    // after the counter moved, and the whole transaction goes back.
    await expect(
      issue('org-b', [
        holder(11, { level: 4 }),
        holder(12, { level: 4, batchCandidateId: '9001' }),
      ]),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await issue('org-b', [holder(13, { level: 4 })]);
    expect(await serialsOf(getDb(), range.id)).toEqual([1, 2]);
  }, 60_000);

  it('lets only the organisation’s own staff issue from its ranges (attack)', async () => {
    await expect(issue('org-a', [holder(20)], orgStaff('org-b'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(issue('org-a', [holder(20)], admin())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(issue('org-a', [holder(20)], supervisor())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    // org-b has no level-5 range: it cannot reach org-a's by asking for that level.
    await expect(issue('org-b', [holder(21)])).rejects.toMatchObject({ code: 'CONFLICT' });
  }, 60_000);

  it('voids with reason, who and when; the number stays and is never issued again', async () => {
    const [certificate] = await issue('org-a', [holder(30)]);
    if (certificate === undefined) throw new Error('nothing issued');
    await expect(
      voidCertificate(ctx(), orgStaff('org-b'), certificate.number, '信息有误'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const voided = await voidCertificate(
      ctx(),
      orgStaff('org-a'),
      certificate.number,
      '姓名录入错误',
    );
    expect(voided).toMatchObject({
      status: 'voided',
      voided_by: 'staff-org-a',
      void_reason: '姓名录入错误',
    });
    await expect(
      voidCertificate(ctx(), admin(), certificate.number, '再次作废'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const [next] = await issue('org-a', [holder(31)]);
    expect(next?.serial).toBe(certificate.serial + 1);
    await expect(
      getDb().query('DELETE FROM certificates WHERE number = $1', [certificate.number]),
    ).rejects.toThrow(/never deleted/);
    await expect(
      getDb().query(`UPDATE certificates SET name = 'x' WHERE number = $1`, [next?.number]),
    ).rejects.toThrow(/only changes from valid to voided/);
    const audit = await getDb().query<{ action: string; subject: string }>(
      `SELECT action, subject FROM audit_log WHERE subject = $1 ORDER BY seq`,
      [certificate.number],
    );
    expect(audit.map((row) => row.action)).toEqual(['certificate.issue', 'certificate.void']);
  }, 60_000);

  it('issues with 8 concurrent issuers: no duplicate, no gap', async () => {
    await addOrganisation(getDb(), { id: 'org-c', code: '0003', province: '32' });
    const ranges = [
      await giveRange(ctx(), 'org-c', { size: 37, level: 2, siteSerial: '000777' }),
      await giveRange(ctx(), 'org-c', { size: 200, level: 2, siteSerial: '000777' }),
    ];
    const calls = Array.from({ length: 8 }, (_, issuer) =>
      Array.from({ length: 5 }, (_, call) =>
        Array.from({ length: 3 }, (_, row) => holder(issuer * 100 + call * 10 + row, { level: 2 })),
      ),
    );
    await Promise.all(
      calls.map(async (issuerCalls) => {
        for (const holders of issuerCalls) await issue('org-c', holders);
      }),
    );
    const numbers = await getDb().query<{ number: string }>(
      `SELECT number FROM certificates WHERE organisation_id = 'org-c'`,
    );
    expect(numbers).toHaveLength(120);
    expect(new Set(numbers.map((row) => row.number)).size).toBe(120);
    const first = await serialsOf(getDb(), ranges[0]?.id ?? '');
    const second = await serialsOf(getDb(), ranges[1]?.id ?? '');
    expect(first).toEqual(Array.from({ length: 37 }, (_, i) => i + 1));
    expect(second).toEqual(Array.from({ length: 83 }, (_, i) => i + 38));
  }, 60_000);
});
