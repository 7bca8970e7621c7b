import { afterEach, describe, expect, it } from 'vitest';
import { run, sql } from '@skillexam/shared/sql';
import { idNumber } from '../support/exam-fixture';
import type { TestServer } from '../support/util';
import { PNG, scheduledSite, staffApi } from './candidate-admin-support';

/* 添加考生 over HTTP on a real server and SQLite: the roster's checks, first free seat, photo. */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const NEW = {
  sessionId: 'session-1',
  admissionTicketNumber: 'T900001',
  name: '新考生',
  idNumber: idNumber(901),
  roomId: 'room-1',
};

describe('POST /api/sessions/candidates (添加考生)', () => {
  it('adds one candidate on the first free seat with a photo, audited; the photo is served', async () => {
    const site = await scheduledSite();
    server = site.server;
    const photo = { fileName: 'new.png', base64: PNG.toString('base64') };
    const reply = await site.admin.post('/api/sessions/candidates', { ...NEW, photo });
    expect(reply).toMatchObject({
      status: 200,
      body: { data: { admissionTicketNumber: 'T900001', roomId: 'room-1', seat: 4 } },
    });
    const { attemptId } = reply.body.data as { attemptId: string };
    const rows = await site.admin.list('session-1');
    expect(rows.find((row) => row.attemptId === attemptId)).toMatchObject({
      status: 'registered',
      photo: true,
      idNumber: `${NEW.idNumber.slice(0, 6)}********${NEW.idNumber.slice(-4)}`,
    });
    const image = await fetch(`${server.url}/api/console/photo?attemptId=${attemptId}`, {
      headers: { authorization: `Bearer ${await server.staffToken('admin', 'admin2')}` },
    });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
    const audit = server.components.store.db
      .prepare("SELECT actor, payload_json AS p FROM audit_log WHERE action = 'candidate.add'")
      .all() as { actor: string; p: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toMatch(/^staff:admin1/);
    expect(JSON.parse(audit[0]?.p ?? '{}')).toMatchObject({
      ticket: 'T900001',
      seat: 4,
      seatChosen: 'first-free',
    });
    // a given seat is used as given
    const seated = await site.admin.post('/api/sessions/candidates', {
      ...NEW,
      admissionTicketNumber: 'T900002',
      idNumber: idNumber(902),
      seat: 9,
    });
    expect(seated.body.data).toMatchObject({ seat: 9 });
  });

  it('refuses what the roster refuses, with the roster messages, and writes nothing', async () => {
    const site = await scheduledSite();
    server = site.server;
    const before = site.count('SELECT count(*) AS n FROM attempts');
    const audits = site.count('SELECT count(*) AS n FROM audit_log');
    const refuse = async (body: Record<string, unknown>, status: number, message: RegExp) => {
      const reply = await site.admin.post('/api/sessions/candidates', { ...NEW, ...body });
      expect(reply.status).toBe(status);
      expect(reply.body.error?.message).toMatch(message);
    };
    await refuse({ idNumber: '110105199001010000' }, 400, /身份证号: .*不是有效的 18 位身份证号/);
    await refuse({ admissionTicketNumber: 'T 1' }, 400, /准考证号: .*格式不对/);
    await refuse({ name: '' }, 400, /姓名: 不能为空/);
    await refuse({ extraMinutes: 700 }, 400, /延长时间\/分钟: .*0–600/);
    await refuse({ admissionTicketNumber: 'T000001' }, 400, /已在名单中或座位已占用/);
    await refuse({ seat: 2 }, 400, /已在名单中或座位已占用/);
    await refuse({ seat: 600 }, 400, /座位图没有 600 号座位/);
    await refuse({ roomId: 'nope' }, 404, /考场 nope 不在本场次/);
    await refuse(
      { photo: { fileName: 'a.png', base64: Buffer.from('not an image').toString('base64') } },
      400,
      /照片: 照片“a.png”不是 JPEG 或 PNG 图片/,
    );
    await refuse(
      { photo: { fileName: '../a.png', base64: PNG.toString('base64') } },
      400,
      /不能含路径/,
    );
    expect(site.count('SELECT count(*) AS n FROM attempts')).toBe(before);
    expect(site.count('SELECT count(*) AS n FROM audit_log')).toBe(audits);
  });

  it('is the exam admin’s only, and refused once the session has ended', async () => {
    const site = await scheduledSite();
    server = site.server;
    for (const role of ['proctor', 'supervisor'] as const) {
      const other = staffApi(server, await server.staffToken(role));
      expect((await other.post('/api/sessions/candidates', NEW)).status).toBe(403);
      expect((await other.get('/api/sessions/candidates?sessionId=session-1')).status).toBe(403);
    }
    run(server.components.store.db, sql`UPDATE sessions SET status = 'ended'`);
    const ended = await site.admin.post('/api/sessions/candidates', NEW);
    expect(ended.status).toBe(409);
    expect(ended.body.error?.message).toMatch(/考试场次已结束/);
  });

  it('gives a clear refusal when the room has no free seat left', async () => {
    const site = await scheduledSite();
    server = site.server;
    const first = await site.admin.post('/api/sessions/candidates', { ...NEW, roomId: 'room-2' });
    expect(first.body.data).toMatchObject({ seat: 1 });
    // the spare room shrunk to the one seat now taken
    run(
      server.components.store.db,
      sql`UPDATE rooms SET layout_json = NULL, seat_count = 1 WHERE id = 'room-2'`,
    );
    const none = await site.admin.post('/api/sessions/candidates', {
      ...NEW,
      admissionTicketNumber: 'T900003',
      idNumber: idNumber(903),
      roomId: 'room-2',
    });
    expect(none.status).toBe(409);
    expect(none.body.error?.message).toMatch(/已没有空座位/);
  });
});
