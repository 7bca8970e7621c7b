import { afterEach, describe, expect, it } from 'vitest';
import type { CentreSetting, ResultsPushReply, ResultsVerifyReply } from '@skillexam/shared';
import { centreReceipts } from '../../src/results/centre-receipts';
import { auditRows } from './audit-rows';
import { endedSession, type EndedSession } from '../jobs/ended-session';
import { startCentre, strangerPem, type CentreProcess } from './centre-process';
import { exportPackage, resultsClient } from './results-client';

/*
 * 上报评价中心 and 核对成绩包 over HTTP, end to end: a real proctor server with an ended session,
 * the admin exports its results as the console does, and pushes them to a real evaluation centre
 * (its own process, in-memory store, this site enrolled with the package's audit key).
 */

const SITE = '考点'; // the name the console's export prints (app.ts defaults)

let room: EndedSession | undefined;
const centres: CentreProcess[] = [];
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
  await Promise.all(centres.splice(0).map((c) => c.stop()));
});

function auditKey(bytes: Uint8Array): string {
  const envelope = JSON.parse(Buffer.from(bytes).toString('utf8')) as {
    payload: { audit?: { publicKeyPem?: string } };
  };
  const pem = envelope.payload.audit?.publicKeyPem;
  if (pem === undefined) throw new Error('the package names no audit key');
  return pem;
}

describe('POST /api/results/push', () => {
  it('the centre accepts, then answers duplicate; a centre that does not know the site refuses', async () => {
    room = await endedSession(3);
    const { sessionId } = room.seeded;
    const token = await room.server.staffToken('admin', 'admin1');
    const api = resultsClient(room.server.url, token);
    expect((await api.json<CentreSetting>('GET', '/api/results/centre')).data).toEqual({
      centreUrl: null,
    });
    const { bytes } = await exportPackage(room.server.url, token, sessionId);
    const centre = await startCentre(auditKey(bytes), SITE);
    centres.push(centre);

    const first = await api.json<ResultsPushReply>('POST', '/api/results/push', {
      sessionId,
      centreUrl: centre.url,
    });
    expect(first.status).toBe(200);
    expect(first.data?.verdict).toMatchObject({
      ok: true,
      data: { status: 'ingested', site: { name: SITE }, candidates: 3 },
    });
    expect(first.data?.packageFile).toBe(`results-${sessionId}.json`);
    expect(first.data?.lines[0]).toMatch(/^中心已接收成绩包 \(accepted\): 3 名考生/);
    // the centre's receipt: its own audit record of the package, kept in the site's chain
    const receipt = first.data?.verdict.data?.centreReceipt;
    expect(receipt).toMatchObject({
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const anchor = `${String(receipt?.seq)}:${receipt?.hash ?? ''}`;
    expect(first.data?.lines).toContain(
      `  中心审计回执 (centre's receipt, keep it as an anchor): ${anchor}`,
    );
    const again = await api.json<ResultsPushReply>('POST', '/api/results/push', {
      sessionId,
      centreUrl: centre.url,
    });
    expect(again.data?.verdict).toMatchObject({
      ok: true,
      data: { status: 'already_ingested', centreReceipt: receipt },
    });
    expect(again.data?.packageSha256).toBe(first.data?.packageSha256);

    // another centre, where a different key is enrolled under this site's name
    const stranger = await startCentre(strangerPem(), SITE);
    centres.push(stranger);
    const refused = await api.json<ResultsPushReply>('POST', '/api/results/push', {
      sessionId,
      centreUrl: stranger.url,
    });
    expect(refused.status).toBe(200);
    expect(refused.data?.verdict.ok).toBe(false);
    expect(refused.data?.verdict.status).toBeGreaterThanOrEqual(400);
    expect(refused.data?.verdict.error?.message).toMatch(/^[A-Z_]+: .+/);
    expect(refused.data?.lines[0]).toMatch(/^中心拒收成绩包 \(refused by the centre, HTTP 4\d\d\)/);

    // the address is remembered for every admin of the site
    const other = resultsClient(room.server.url, await room.server.staffToken('admin', 'admin2'));
    expect((await other.json<CentreSetting>('GET', '/api/results/centre')).data).toMatchObject({
      centreUrl: stranger.url,
      updatedBy: 'staff:admin1',
    });
    const pushed = auditRows(room.server.components.store, 'results.pushed');
    expect(pushed.map((row) => row.payload)).toEqual([
      expect.objectContaining({
        centreUrl: centre.url,
        verdict: 'ingested',
        centreReceipt: anchor,
      }),
      expect.objectContaining({
        centreUrl: centre.url,
        verdict: 'already_ingested',
        centreReceipt: anchor,
      }),
      expect.objectContaining({
        centreUrl: stranger.url,
        verdict: 'refused',
        code: refused.data?.verdict.error?.code,
      }),
    ]);
    expect(pushed.every((row) => row.payload.packageSha256 === first.data?.packageSha256)).toBe(
      true,
    );
    // `results receipts` lists it once (pushed twice, one receipt), ready for the centre's verify
    expect(centreReceipts(room.server.components.store.db)).toEqual([
      expect.objectContaining({ anchor, centreUrl: centre.url, sessionId }),
    ]);
  }, 120_000);

  it('refuses before exporting, and names what is wrong with the address', async () => {
    room = await endedSession(1);
    const { sessionId } = room.seeded;
    const api = resultsClient(room.server.url, await room.server.staffToken('admin'));
    const early = await api.json('POST', '/api/results/push', {
      sessionId,
      centreUrl: 'http://127.0.0.1:9',
    });
    expect(early).toMatchObject({ status: 409, error: { code: 'CONFLICT' } });
    expect(early.error?.message).toMatch(/请先在本页导出/);
    const ftp = await api.json('POST', '/api/results/push', {
      sessionId,
      centreUrl: 'ftp://centre',
    });
    expect(ftp).toMatchObject({ status: 400, error: { code: 'BAD_REQUEST' } });
    expect(ftp.error?.message).toMatch(/http:\/\/ 或 https:\/\//);
    expect(auditRows(room.server.components.store, 'results.pushed')).toEqual([]);
  });
});

describe('POST /api/results/verify', () => {
  it('prints what results verify prints; a changed package is refused', async () => {
    room = await endedSession(2);
    const token = await room.server.staffToken('admin');
    const api = resultsClient(room.server.url, token);
    const { bytes } = await exportPackage(room.server.url, token, room.seeded.sessionId);
    const good = await api.raw<ResultsVerifyReply>('/api/results/verify', bytes);
    expect(good.data).toMatchObject({ ok: true, candidates: 2, problems: [] });
    expect(good.data?.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(good.data?.chainHead?.seq).toBeGreaterThan(0);
    expect(good.data?.lines).toEqual([
      `成绩包核对通过: 2 名考生, 签名密钥 ${good.data?.keyId ?? ''}, 审计链头 #${good.data?.chainHead?.seq ?? ''} ${good.data?.chainHead?.hash ?? ''}`,
    ]);

    const envelope = JSON.parse(Buffer.from(bytes).toString('utf8')) as {
      payload: { site: { name: string } };
    };
    envelope.payload.site.name = '别的考点';
    const tampered = await api.raw<ResultsVerifyReply>(
      '/api/results/verify',
      Buffer.from(JSON.stringify(envelope), 'utf8'),
    );
    expect(tampered.data?.ok).toBe(false);
    expect(tampered.data?.problems[0]?.problem).toMatch(/^[A-Z_]+: /);

    const notJson = await api.raw<ResultsVerifyReply>('/api/results/verify', Buffer.from('x'));
    expect(notJson.data?.ok).toBe(false);
  }, 60_000);
});
