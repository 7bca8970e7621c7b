import type { KioskEnrollment, KioskSummary } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { adminClient } from '../keys/site-admin-client';
import { startTestServer, type TestServer } from '../support/util';

/*
 * The 考试机 page's routes on a real server (port 0, real SQLite; docs/decisions/0984): enroll
 * returns the file with the private key once and the list never shows it; the CLI's checks and
 * words (a bad name, a live name taken); revoke with a reason; a proctor is refused each route.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

describe('kiosk routes', () => {
  it('enrolls once per live name, lists without keys, revokes with a reason', async () => {
    server = await startTestServer();
    const admin = adminClient(server.url, await server.staffToken('admin', 'admin1'));
    const enrolled = await admin.post<KioskEnrollment>('/api/kiosks/enroll', {
      name: '  第2考场-07 ',
      serverUrl: 'https://192.168.1.10:8443',
    });
    expect(enrolled.status).toBe(200);
    const file = enrolled.data;
    expect(file).toMatchObject({
      kioskName: '第2考场-07',
      serverUrl: 'https://192.168.1.10:8443',
      siteName: '考点',
    });
    expect(file?.kioskPrivateKey.length).toBeGreaterThan(40);

    const list = await admin.get<KioskSummary[]>('/api/kiosks');
    const row = list.data?.find((k) => k.kioskId === file?.kioskId);
    expect(row).toMatchObject({ name: '第2考场-07', enrolledBy: 'staff:admin1' });
    expect(row?.revokedAt).toBeUndefined();
    expect(JSON.stringify(list.data)).not.toContain(file?.kioskPrivateKey ?? '∅');

    const again = await admin.post('/api/kiosks/enroll', { name: '第2考场-07' });
    expect(again.error).toEqual({
      code: 'CONFLICT',
      message: '考试机 第2考场-07 已登记，请先注销 (kiosk already enrolled: revoke it first)',
    });
    const blank = await admin.post('/api/kiosks/enroll', { name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.error?.message).toContain('请填写考试机名称');
    const count = (await admin.get<KioskSummary[]>('/api/kiosks')).data?.length;
    expect(count).toBe(list.data?.length);

    const revoked = await admin.post<KioskSummary>('/api/kiosks/revoke', {
      kioskId: file?.kioskId,
      reason: '更换主机',
    });
    expect(revoked.data?.revokedAt).toEqual(expect.any(Number));
    // the name is free again once revoked
    expect((await admin.post('/api/kiosks/enroll', { name: '第2考场-07' })).status).toBe(200);
  });

  it('refuses a proctor every kiosk admin route', async () => {
    server = await startTestServer();
    const proctor = adminClient(server.url, await server.staffToken('proctor', 'p1'));
    expect((await proctor.get('/api/kiosks')).status).toBe(403);
    const enroll = await proctor.post('/api/kiosks/enroll', { name: 'x' });
    expect(enroll.status).toBe(403);
    const revoke = await proctor.post('/api/kiosks/revoke', {
      kioskId: server.kiosk.kioskId,
      reason: 'x',
    });
    expect(revoke.status).toBe(403);
  });
});
