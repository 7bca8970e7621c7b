import { AutoSeatResultSchema } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { markCheckIn } from '../src/sessions/session-repository';
import { seedSession } from '../test/support/exam-fixture';
import { START } from '../test/support/running-session';
import { seatClient, seatSession, type SeatSession } from '../test/seats/seat-fixture';

/*
 * Someone other than the exam admin tries to reseat candidates, print who sits where, or move a
 * candidate of another session; an admin tries it after check-in opened, with forged seeds and
 * malformed payloads. Seats change only by the exam admin, before check-in, within one session,
 * and a random draw cannot be chosen by the client (docs/decisions/0977–0979).
 */

let s: SeatSession | undefined;
afterEach(async () => {
  await s?.server.closeAll();
  s = undefined;
});

const AUTO = '/api/sessions/seats/auto';
const ASSIGN = '/api/sessions/seats/assign';

describe('seat assignment is the exam admin’s, before check-in, within one session', () => {
  it('refuses proctors and supervisors on every seat route and changes nothing', async () => {
    s = await seatSession();
    const { sessionId, ids } = s;
    const tokens = {
      proctor: await s.server.staffToken('proctor', 'proctor1'),
      supervisor: await s.server.staffToken('supervisor', 'super1'),
    };
    // even the proctor assigned to this very session
    s.server.assignProctors(sessionId, ['proctor1']);
    const before = s.seats();
    const audits = s.auditCount();
    for (const role of ['proctor', 'supervisor'] as const) {
      const other = seatClient(s.server, tokens[role]);
      for (const [path, body] of [
        [AUTO, { sessionId, order: 'admission', save: true }],
        [AUTO, { sessionId, order: 'random' }],
        [ASSIGN, { sessionId, candidateId: ids.get('T000001'), roomId: 'room-1', seat: 4 }],
      ] as const) {
        const refused = await other.post(path, body);
        expect([path, refused.status]).toEqual([path, 403]);
      }
      for (const path of [
        `/api/sessions/seats?sessionId=${sessionId}`,
        `/api/sessions/seating-chart?sessionId=${sessionId}&roomId=room-1&kind=chart`,
        `/api/sessions/seating-chart?sessionId=${sessionId}&roomId=room-1&kind=door`,
      ]) {
        const res = await other.get(path);
        await res.arrayBuffer();
        expect([path, res.status]).toEqual([path, 403]);
      }
    }
    const anonymous = await fetch(`${s.server.url}${AUTO}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, order: 'admission', save: true }),
    });
    expect(anonymous.status).toBe(401);
    expect(s.seats()).toEqual(before);
    expect(s.auditCount()).toBe(audits);
  });

  it('refuses every change after check-in opened, and a candidate of another session', async () => {
    s = await seatSession();
    const { admin, sessionId, ids } = s;
    const { store } = s.server.components;
    const other = seedSession(store, {
      count: 1,
      scheduledStart: START + 86_400_000,
      sessionId: 'session-2',
      examId: 'exam-2',
      ticketPrefix: 'X',
      now: s.clock.now(),
    });
    const outsider = other.candidates[0]?.attemptId;
    const before = s.seats();
    const foreign = await admin.post(ASSIGN, {
      sessionId,
      candidateId: outsider,
      roomId: 'room-1',
      seat: 4,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error?.message).toMatch(/不在场次 session-1/);
    // nor the other way round: a seat of this session's room for the other session's call
    const crossed = await admin.post(ASSIGN, {
      sessionId: 'session-2',
      candidateId: ids.get('T000001'),
      roomId: 'room-1',
      seat: 4,
    });
    expect(crossed.status).toBe(404);
    const unknown = await admin.post(ASSIGN, {
      sessionId,
      candidateId: 'a000000000000000000000000',
      roomId: 'room-1',
      seat: 4,
    });
    expect(unknown.body.error?.message).toBe(
      foreign.body.error?.message?.replace(outsider ?? '', 'a000000000000000000000000'),
    );

    markCheckIn(store.db, sessionId);
    for (const [path, body] of [
      [AUTO, { sessionId, order: 'admission', save: true }],
      [AUTO, { sessionId, roomId: 'room-1', order: 'random', save: true }],
      [ASSIGN, { sessionId, candidateId: ids.get('T000001'), roomId: 'room-1', seat: 4 }],
      [ASSIGN, { sessionId, candidateId: ids.get('T000001'), roomId: 'room-1', seat: 5 }],
    ] as const) {
      const refused = await admin.post(path, body);
      expect(refused.status).toBe(409);
      expect(refused.body.error?.message).toMatch(/已开始检录/);
    }
    expect(s.seats()).toMatchObject(before);
    expect(s.auditCount('seat.auto-assign') + s.auditCount('seat.assign')).toBe(0);
    expect(s.auditCount('seat.swap')).toBe(0);
  });

  it('answers malformed payloads with a specific 400 and never lets the client pick the draw', async () => {
    s = await seatSession();
    const { admin, sessionId, ids } = s;
    const before = s.seats();
    const cases: [string, unknown, RegExp][] = [
      [AUTO, { sessionId, order: 'alphabet' }, /order/],
      [AUTO, { sessionId, order: 'random', seed: 'ZZ' }, /seed/],
      [AUTO, { sessionId, order: 'admission', save: 'yes' }, /save/],
      [AUTO, { sessionId, order: 'admission', extra: 1 }, /extra/],
      [AUTO, { sessionId: "s1' OR '1'='1", order: 'admission' }, /sessionId/],
      [AUTO, { sessionId, roomId: '../room-1', order: 'admission' }, /roomId/],
      [ASSIGN, { sessionId, candidateId: ids.get('T000001'), roomId: 'room-1', seat: 0 }, /seat/],
      [
        ASSIGN,
        { sessionId, candidateId: ids.get('T000001'), roomId: 'room-1', seat: 1000 },
        /seat/,
      ],
      [ASSIGN, { sessionId, candidateId: ids.get('T000001'), roomId: 'room-1', seat: 2.5 }, /seat/],
      [ASSIGN, { sessionId, candidateId: '', roomId: 'room-1', seat: 4 }, /candidateId/],
      [ASSIGN, { sessionId, roomId: 'room-1', seat: 4 }, /candidateId/],
      [ASSIGN, '{"sessionId":', /JSON|请求/],
    ];
    for (const [path, body, message] of cases) {
      const refused = await admin.post(path, body);
      expect([JSON.stringify(body), refused.status]).toEqual([JSON.stringify(body), 400]);
      expect(refused.body.error?.message).toMatch(message);
    }
    const noRoom = await admin.post(ASSIGN, {
      sessionId,
      candidateId: ids.get('T000001'),
      roomId: 'room-9',
      seat: 1,
    });
    expect(noRoom.status).toBe(400);
    expect(noRoom.body.error?.message).toMatch(/考场 room-9 不在本场次/);
    expect(s.seats()).toEqual(before);
    expect(s.auditCount('seat.auto-assign') + s.auditCount('seat.assign')).toBe(0);

    // a seed of the client's choosing is not used: the server draws its own and records it
    const chosen = '0123456789abcdef0123456789abcdef';
    const saved = await admin.post(AUTO, { sessionId, order: 'random', save: true, seed: chosen });
    expect(saved.status).toBe(200);
    const result = AutoSeatResultSchema.parse(saved.body.data);
    expect(result.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(result.seed).not.toBe(chosen);
    expect(s.lastAudit('seat.auto-assign')).toMatchObject({ seed: result.seed, previewedDraws: 0 });
    // a seed drawn for one room is not accepted for another scope
    const preview = AutoSeatResultSchema.parse(
      (await admin.post(AUTO, { sessionId, roomId: 'room-2', order: 'random' })).body.data,
    );
    const elsewhere = AutoSeatResultSchema.parse(
      (await admin.post(AUTO, { sessionId, order: 'random', save: true, seed: preview.seed })).body
        .data,
    );
    expect(elsewhere.seed).not.toBe(preview.seed);
  });
});
