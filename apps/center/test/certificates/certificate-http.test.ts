import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../support/center-db';
import { startTestCenter, type TestCaller, type TestCenter } from '../support/center-server';
import { residentId } from './fixtures';

/*
 * The certificate routes through the real server: ranges requested and allocated, a batch
 * issued, the PDF, the export and the statistics — and what other organisations' staff and
 * read-only roles are refused.
 */

describeStores('certificate routes over HTTP', (getDb) => {
  let centre: TestCenter;
  let admin: TestCaller;
  let supervisor: TestCaller;
  let staffA: TestCaller;
  let staffA2: TestCaller;
  let staffB: TestCaller;
  let orgA = '';
  const year = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
      new Date(),
    ),
  );

  beforeAll(async () => {
    centre = await startTestCenter(getDb());
    orgA = await centre.addOrganisation('甲评价机构');
    const orgB = await centre.addOrganisation('乙评价机构');
    admin = await centre.signIn('centre_admin');
    supervisor = await centre.signIn('supervisor');
    staffA = await centre.signIn('org_staff', { organisationId: orgA });
    staffA2 = await centre.signIn('org_staff', { organisationId: orgA });
    staffB = await centre.signIn('org_staff', { organisationId: orgB });
    await getDb().query(
      `INSERT INTO batches (id, organisation_id, name, occupation_code, occupation_name, level,
         pass_rule, status, created_by, created_at)
       VALUES ('hb1', $1, '第一批', '6-31-01-03', '电工', 5, '{}', 'draft', 'maker', now())`,
      [orgA],
    );
    for (const [index, outcome] of ['pass', 'fail', 'pass'].entries()) {
      await getDb().query(
        `INSERT INTO batch_candidates (batch_id, id_number, name, outcome) VALUES ('hb1', $1, $2, $3)`,
        [residentId(index + 40), `考生${String(index)}`, outcome],
      );
    }
    await getDb().query(
      `UPDATE batches SET status = 'submitted', submitted_by = 'maker', submitted_at = now() WHERE id = 'hb1'`,
    );
    await getDb().query(
      `UPDATE batches SET status = 'approved', approved_by = 'checker', approved_at = now() WHERE id = 'hb1'`,
    );
  }, 60_000);

  afterAll(async () => {
    await centre.close();
  });

  it('requests and allocates a range, then issues the batch once', async () => {
    const asked = await centre.call<{ id: string }>('POST', '/api/certificate-ranges/requests', {
      token: staffA.token,
      body: { siteSerial: '000555', year, level: 5, size: 20 },
    });
    expect(asked.status).toBe(201);
    const id = asked.json?.data?.id ?? '';
    const byStaff = await centre.call('POST', `/api/certificate-ranges/requests/${id}/allocate`, {
      token: staffA.token,
    });
    expect(byStaff.status).toBe(403);
    const allocated = await centre.call('POST', `/api/certificate-ranges/requests/${id}/allocate`, {
      token: admin.token,
    });
    expect(allocated.status).toBe(201);

    const foreign = await centre.call('POST', '/api/batches/hb1/issue', { token: staffB.token });
    expect([foreign.status, foreign.json?.error?.code]).toEqual([404, 'NOT_FOUND']);
    const readOnly = await centre.call('POST', '/api/batches/hb1/issue', {
      token: supervisor.token,
    });
    expect(readOnly.status).toBe(403);

    const issued = await centre.call<{ issued: { number: string; name: string }[] }>(
      'POST',
      '/api/batches/hb1/issue',
      { token: staffA2.token },
    );
    expect(issued.status).toBe(201);
    const yy = String(year % 100).padStart(2, '0');
    expect(issued.json?.data?.issued).toEqual([
      {
        number: `S000044000555${yy}5000001`,
        name: '考生0',
        batchCandidateId: expect.any(String) as string,
        lookupUrl: expect.stringMatching(
          new RegExp(`/verify/S000044000555${yy}5000001/[\\w-]+$`),
        ) as string,
      },
      {
        number: `S000044000555${yy}5000002`,
        name: '考生2',
        batchCandidateId: expect.any(String) as string,
        lookupUrl: expect.any(String) as string,
      },
    ]);
    const again = await centre.call('POST', '/api/batches/hb1/issue', { token: staffA.token });
    expect(again.json?.data).toEqual({ issued: [] });
  }, 60_000);

  it('serves the PDF, the export and the statistics to whom they belong', async () => {
    const number = `S000044000555${String(year % 100).padStart(2, '0')}5000001`;
    const pdf = await centre.call('GET', `/api/certificates/${number}/pdf`, {
      token: staffA.token,
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const foreignPdf = await centre.call('GET', `/api/certificates/${number}/pdf`, {
      token: staffB.token,
    });
    expect(foreignPdf.status).toBe(404);

    const month = new Intl.DateTimeFormat('sv', { timeZone: 'Asia/Shanghai' })
      .format(new Date())
      .slice(0, 7);
    const exported = await centre.call('GET', `/api/certificates/export?month=${month}`, {
      token: supervisor.token,
    });
    expect(exported.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.bytes) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('证书数据')?.rowCount).toBe(3);
    const crossOrg = await centre.call(
      'GET',
      `/api/certificates/export?month=${month}&organisationId=${orgA}`,
      {
        token: staffB.token,
      },
    );
    expect(crossOrg.status).toBe(403);
    const stats = await centre.call<{ totals: { issued: number } }>(
      'GET',
      `/api/certificates/statistics?month=${month}`,
      { token: staffA.token },
    );
    expect(stats.json?.data?.totals.issued).toBe(2);
    const ownOnly = await centre.call<{ totals: { issued: number } }>(
      'GET',
      `/api/certificates/statistics?month=${month}`,
      { token: staffB.token },
    );
    expect(ownOnly.json?.data?.totals.issued).toBe(0);
  }, 30_000);

  it('voids over HTTP with a reason; a supervisor cannot', async () => {
    const number = `S000044000555${String(year % 100).padStart(2, '0')}5000002`;
    const refused = await centre.call('POST', `/api/certificates/${number}/void`, {
      token: supervisor.token,
      body: { reason: '测试作废' },
    });
    expect(refused.status).toBe(403);
    const voided = await centre.call<{ status: string }>(
      'POST',
      `/api/certificates/${number}/void`,
      {
        token: staffA.token,
        body: { reason: '姓名有误' },
      },
    );
    expect(voided.json?.data?.status).toBe('voided');
  }, 60_000);

  it("finds certificates by number, name or ID tail, within the caller's organisation", async () => {
    type Found = {
      total: number;
      certificates: { number: string; name: string; idNumber: string; status: string }[];
    };
    const prefix = `S000044000555${String(year % 100).padStart(2, '0')}5`;
    const all = await centre.call<Found>('GET', '/api/certificates', { token: staffA.token });
    expect(all.json?.data?.total).toBe(2);
    expect(all.json?.data?.certificates.map((c) => c.number)).toEqual([
      `${prefix}000002`,
      `${prefix}000001`,
    ]);
    const holder = residentId(42);
    expect(all.json?.data?.certificates[0]?.idNumber).toBe(
      `${holder.slice(0, 3)}${'*'.repeat(holder.length - 7)}${holder.slice(-4)}`,
    );
    const byName = await centre.call<Found>(
      'GET',
      `/api/certificates?q=${encodeURIComponent('考生0')}`,
      {
        token: staffA.token,
      },
    );
    expect(byName.json?.data?.certificates.map((c) => c.name)).toEqual(['考生0']);
    const byTail = await centre.call<Found>('GET', `/api/certificates?q=${holder.slice(-6)}`, {
      token: supervisor.token,
    });
    expect(byTail.json?.data?.certificates.map((c) => c.number)).toEqual([`${prefix}000002`]);
    const voided = await centre.call<Found>('GET', '/api/certificates?status=voided', {
      token: staffA.token,
    });
    expect(voided.json?.data?.total).toBe(1);
    const wildcard = await centre.call<Found>('GET', '/api/certificates?q=%25', {
      token: staffA.token,
    });
    expect(wildcard.json?.data?.total).toBe(0);
    const foreign = await centre.call<Found>('GET', `/api/certificates?q=${prefix}`, {
      token: staffB.token,
    });
    expect(foreign.json?.data?.total).toBe(0);
    const bad = await centre.call('GET', '/api/certificates?limit=5000', { token: staffA.token });
    expect(bad.status).toBe(400);
  }, 30_000);
});
