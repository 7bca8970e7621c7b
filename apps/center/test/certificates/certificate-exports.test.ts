import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import {
  certificateDataWorkbook,
  certificateStatistics,
  certificateStatisticsWorkbook,
} from '../../src/certificates/certificate-exports';
import { NATIONAL_COLUMNS } from '../../src/certificates/certificate-workbooks';
import { issueCertificates } from '../../src/certificates/issue-certificates';
import { voidCertificate } from '../../src/certificates/void-certificate';
import { describeStores, testContext } from '../support/center-db';
import { addOrganisation, admin, giveRange, holder, orgStaff, supervisor } from './fixtures';

async function readSheet(bytes: Uint8Array, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

// 2026-06-30 23:30 Beijing is still June; 2026-07-01 00:30 Beijing is July.
const LAST_OF_JUNE = new Date('2026-06-30T15:30:00Z');
const FIRST_OF_JULY = new Date('2026-06-30T16:30:00Z');

describeStores('certificate exports and monthly statistics', (getDb) => {
  const ctx = (now: Date) => testContext(getDb(), { now: () => now });
  const issue = (org: string, now: Date, holders: unknown[]) =>
    issueCertificates(getDb(), {
      organisationId: org,
      holders,
      actor: orgStaff(org),
      audit: ctx(now).audit,
      now,
    });

  beforeAll(async () => {
    await addOrganisation(getDb(), {
      id: 'org-e',
      code: '0000',
      province: '51',
      kind: 'S',
      name: '成都技能评价中心',
    });
    await addOrganisation(getDb(), { id: 'org-f', code: '0203', province: '51' });
    await giveRange(ctx(LAST_OF_JUNE), 'org-e', { size: 50, level: 5, siteSerial: '000001' });
    await giveRange(ctx(LAST_OF_JUNE), 'org-e', { size: 50, level: 3, siteSerial: '000002' });
    await giveRange(ctx(LAST_OF_JUNE), 'org-f', { size: 50, level: 5, siteSerial: '000003' });
    await getDb().query(
      `INSERT INTO sites (id, organisation_id, name, site_serial, key_id, public_key_pem, enrolled_at, enrolled_by)
       VALUES ('site-e1', 'org-e', '成都第一考点', '000001', '00000000000000e1', 'pem', now(), 'test')`,
    );
    await issue('org-e', LAST_OF_JUNE, [
      holder(1, { jobType: '网络安全管理员' }),
      holder(2),
      holder(3, { level: 3, occupationCode: '6-31-01-03', occupationName: '电工' }),
    ]);
    await issue('org-f', LAST_OF_JUNE, [holder(4)]);
    await issue('org-e', FIRST_OF_JULY, [holder(5)]);
    await voidCertificate(
      ctx(FIRST_OF_JULY),
      orgStaff('org-e'),
      'S000051000001265000002',
      '重复发证',
    );
  }, 60_000);

  it('writes the month’s certificates in the national upload layout', async () => {
    const file = await certificateDataWorkbook(getDb(), admin(), '2026-06');
    expect(file.count).toBe(4);
    const rows = await readSheet(file.bytes, '证书数据');
    expect(rows[0]).toEqual(NATIONAL_COLUMNS.map((column) => column.header));
    expect(rows[1]).toEqual([
      'S000051000001265000001',
      '持证人1',
      '居民身份证',
      holder(1)['idNumber'],
      '网络与信息安全管理员',
      '4-04-05-04',
      '网络安全管理员',
      '五级/初级工',
      5,
      '2026-06-30',
      '成都技能评价中心',
      '0000',
      'S 社会培训评价组织',
      '51',
      '000001',
      '有效',
      '',
      '',
    ]);
    expect(rows[2]?.slice(15)).toEqual(['作废', '2026-07-01', '重复发证']);
    expect(rows.map((row) => row[0])).not.toContain('S000051000001265000003');
  }, 60_000);

  it('limits organisation staff to their own certificates', async () => {
    const own = await certificateDataWorkbook(getDb(), orgStaff('org-f'), '2026-06');
    expect(own.count).toBe(1);
    await expect(
      certificateDataWorkbook(getDb(), orgStaff('org-f'), '2026-06', 'org-e'),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(certificateDataWorkbook(getDb(), admin(), '2026-6')).rejects.toThrow(
      /月份应为 YYYY-MM/,
    );
  }, 60_000);

  it('counts the month by occupation, level and site', async () => {
    const june = await certificateStatistics(getDb(), supervisor(), '2026-06');
    expect(june.totals).toEqual({ issued: 4, voided: 1, valid: 3 });
    expect(june.byLevel).toEqual([
      { level: 3, levelName: '三级/高级工', issued: 1, voided: 0, valid: 1 },
      { level: 5, levelName: '五级/初级工', issued: 3, voided: 1, valid: 2 },
    ]);
    expect(june.byOccupation.map((row) => [row.occupationCode, row.issued])).toEqual([
      ['4-04-05-04', 3],
      ['6-31-01-03', 1],
    ]);
    expect(
      june.bySite.map((row) => [
        row.organisationId,
        row.siteSerial,
        row.siteName,
        row.issued,
        row.voided,
      ]),
    ).toEqual([
      ['org-e', '000001', '成都第一考点', 2, 1],
      ['org-e', '000002', null, 1, 0],
      ['org-f', '000003', null, 1, 0],
    ]);
    const july = await certificateStatistics(getDb(), orgStaff('org-e'), '2026-07');
    expect(july.totals).toEqual({ issued: 1, voided: 0, valid: 1 });
  }, 60_000);

  it('writes the statistics as a workbook', async () => {
    const file = await certificateStatisticsWorkbook(getDb(), admin(), '2026-06');
    expect(await readSheet(file.bytes, '汇总')).toEqual([
      ['统计月份', '发证数', '其中作废', '有效数'],
      ['2026-06', 4, 1, 3],
    ]);
    expect((await readSheet(file.bytes, '按站点'))[1]).toEqual([
      '成都技能评价中心',
      '000001',
      '成都第一考点',
      2,
      1,
      1,
    ]);
  }, 60_000);
});
