import { beforeAll, expect, it } from 'vitest';
import {
  allocatePendingInFilingOrder,
  allocateRange,
  refuseRangeRequest,
  requestRange,
} from '../../src/certificates/number-ranges';
import { listRanges } from '../../src/certificates/range-repository';
import { describeStores, testContext } from '../support/center-db';
import { addOrganisation, admin, orgStaff, supervisor } from './fixtures';

const at = new Date('2026-03-01T02:00:00Z');

describeStores('number ranges (号段)', (getDb) => {
  const ctx = () => testContext(getDb(), { now: () => at });

  beforeAll(async () => {
    const db = getDb();
    // Filed in the order early, middle, late; the same prefix fields for early and late.
    await addOrganisation(db, { id: 'late', code: '0000', filedAt: '2025-05-01T00:00:00Z' });
    await addOrganisation(db, { id: 'early', code: '0000', filedAt: '2023-05-01T00:00:00Z' });
    await addOrganisation(db, { id: 'middle', code: '0007', filedAt: '2024-05-01T00:00:00Z' });
  }, 60_000);

  const ask = (org: string, size: number, year = 2026, siteSerial = '000001') =>
    requestRange(ctx(), orgStaff(org), { organisationId: org, siteSerial, year, level: 5, size });

  it('refuses to allocate a later-filed organisation before an earlier one that asked', async () => {
    const late = await ask('late', 100);
    const early = await ask('early', 50);
    await expect(allocateRange(ctx(), admin(), late.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('评价机构 early') as string,
    });
    const first = await allocateRange(ctx(), admin(), early.id);
    const second = await allocateRange(ctx(), admin(), late.id);
    // Same prefix (Y 0000 44 000001 26 5): handed out one after another, never overlapping.
    expect(first.prefix).toBe('Y000044000001265');
    expect(second.prefix).toBe(first.prefix);
    expect([first.first_serial, first.last_serial]).toEqual([1, 50]);
    expect([second.first_serial, second.last_serial]).toEqual([51, 150]);
    expect(second.next_serial).toBe(51);
  }, 60_000);

  it('allocates all pending requests of a year in filing order', async () => {
    const a = await ask('late', 10, 2027);
    const b = await ask('middle', 20, 2027);
    const c = await ask('early', 30, 2027);
    await ask('late', 5, 2028);
    const ranges = await allocatePendingInFilingOrder(ctx(), admin(), 2027);
    expect(ranges.map((range) => range.request_id)).toEqual([c.id, b.id, a.id]);
    expect(ranges.map((range) => [range.first_serial, range.last_serial])).toEqual([
      [1, 30],
      [1, 20],
      [31, 40],
    ]);
  }, 60_000);

  it('lets a refused request stop blocking later organisations', async () => {
    const early = await ask('early', 10, 2029);
    const late = await ask('late', 10, 2029);
    await expect(allocateRange(ctx(), admin(), late.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await refuseRangeRequest(ctx(), admin(), early.id, '站点序列码与备案不符');
    expect((await allocateRange(ctx(), admin(), late.id)).first_serial).toBe(1);
    await expect(allocateRange(ctx(), admin(), early.id)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  }, 60_000);

  it('refuses a range past serial 999999 and leaves nothing behind', async () => {
    const big = await ask('middle', 999_999, 2030);
    await allocateRange(ctx(), admin(), big.id);
    const more = await ask('middle', 1, 2030);
    await expect(allocateRange(ctx(), admin(), more.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('剩余编号不足') as string,
    });
    const ranges = await listRanges(getDb(), 'middle');
    expect(ranges.filter((range) => range.year === 2030)).toHaveLength(1);
  }, 60_000);

  it('lets only the right roles act, each on its own organisation', async () => {
    await expect(
      requestRange(ctx(), orgStaff('late'), {
        organisationId: 'early',
        siteSerial: '000001',
        year: 2026,
        level: 5,
        size: 1,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const request = await ask('early', 1, 2031);
    await expect(allocateRange(ctx(), orgStaff('early'), request.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(allocateRange(ctx(), supervisor(), request.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  }, 60_000);

  it('checks the prefix fields with the number rule messages', async () => {
    await expect(ask('early', 1, 2026, '12ab56')).rejects.toThrow(/第8–13位评价机构（站点）序列码/);
    await expect(ask('early', 0)).rejects.toThrow(/号段大小应为 1–999999/);
    await expect(ask('early', 1, 1999)).rejects.toThrow(/第14–15位发证年份/);
  }, 60_000);

  it('audits requests and allocations', async () => {
    const rows = await getDb().query<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_log WHERE action LIKE 'certificate_range.%' ORDER BY seq`,
    );
    expect(
      rows.some((row) => row.action === 'certificate_range.allocate' && row.actor === 'admin'),
    ).toBe(true);
    expect(
      rows.some((row) => row.action === 'certificate_range.request' && row.actor === 'staff-early'),
    ).toBe(true);
    expect(rows.some((row) => row.action === 'certificate_range.refuse')).toBe(true);
  }, 60_000);

  it('refuses an overlapping range in the database itself, whatever wrote it', async () => {
    const [range] = await listRanges(getDb(), 'early');
    if (range === undefined) throw new Error('no range');
    await expect(
      getDb().query(
        `INSERT INTO certificate_ranges (organisation_id, prefix, site_serial, year, level,
           first_serial, last_serial, next_serial, allocated_by, allocated_at)
         VALUES ('late', $1, $2, $3, $4, $5, $5 + 10, $5, 'x', now())`,
        [range.prefix, range.site_serial, range.year, range.level, range.last_serial],
      ),
    ).rejects.toThrow(/overlaps/);
    await expect(
      getDb().query('UPDATE certificate_ranges SET last_serial = last_serial + 1 WHERE id = $1', [
        range.id,
      ]),
    ).rejects.toThrow(/keeps its prefix/);
  }, 60_000);
});
