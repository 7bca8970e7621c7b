import { setRoomLayout } from '../../src/rooms/room-layout';
import { gridLayout } from '../../src/rooms/grid-layout';
import { addRoster } from '../../src/sessions/session-setup';
import { TestClock } from '../support/clock';
import { idNumber, seedSession } from '../support/exam-fixture';
import { START } from '../support/running-session';
import { startTestServer, type TestServer } from '../support/util';

/*
 * A scheduled session for the seat tests: room-1 a 2 × 3 map with 1:2 disabled (seats 1–5),
 * room-2 a 1 × 2 map (seats 1–2); T000001–T000003 on room-1 seats 1–3, S0001 on room-1 seat 5,
 * A0001 on room-2 seat 2.
 */

export interface Reply {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}

export interface SeatClient {
  post(path: string, body: unknown): Promise<Reply>;
  get(path: string): Promise<Response>;
}

export function seatClient(server: TestServer, token: string): SeatClient {
  return {
    async post(path, body) {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Reply['body'] };
    },
    get: (path) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } }),
  };
}

export interface SeatSession {
  readonly server: TestServer;
  readonly clock: TestClock;
  readonly sessionId: string;
  /** 准考证号 → attempt id */
  readonly ids: Map<string, string>;
  readonly admin: SeatClient;
  /** 准考证号 → "room#seat" of the live candidates, from the database. */
  seats(): Record<string, string>;
  auditCount(action?: string): number;
  lastAudit(action: string): Record<string, unknown>;
}

export async function seatSession(): Promise<SeatSession> {
  const clock = new TestClock(START - 3 * 3_600_000);
  const server = await startTestServer({ now: clock.now });
  const { store } = server.components;
  const seeded = seedSession(store, { count: 3, scheduledStart: START, now: clock.now() });
  const { sessionId } = seeded;
  for (const [roomId, layout] of [
    ['room-1', gridLayout(2, 3, [{ row: 1, column: 2 }])],
    ['room-2', gridLayout(1, 2)],
  ] as const)
    setRoomLayout(store.db, store.audit, { sessionId, roomId, layout }, 'test', clock.now());
  const more = addRoster(
    store.db,
    store.audit,
    sessionId,
    [
      {
        admissionTicketNumber: 'S0001',
        name: '孙一',
        idNumber: idNumber(11),
        roomId: 'room-1',
        seat: 5,
      },
      {
        admissionTicketNumber: 'A0001',
        name: '安一',
        idNumber: idNumber(12),
        roomId: 'room-2',
        seat: 2,
      },
    ],
    'test',
    clock.now(),
  );
  const ids = new Map(
    [...seeded.candidates, ...more].map((c) => [c.admissionTicketNumber, c.attemptId]),
  );
  const admin = seatClient(server, await server.staffToken('admin'));
  return {
    server,
    clock,
    sessionId,
    ids,
    admin,
    seats() {
      const rows = store.db
        .prepare(
          `SELECT admission_ticket AS t, room_id AS r, seat FROM attempts
           WHERE session_id = ? ORDER BY admission_ticket`,
        )
        .all(sessionId) as { t: string; r: string; seat: number }[];
      return Object.fromEntries(rows.map((row) => [row.t, `${row.r}#${row.seat}`]));
    },
    auditCount(action) {
      const row = (
        action === undefined
          ? store.db.prepare('SELECT count(*) AS n FROM audit_log').get()
          : store.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action)
      ) as { n: number };
      return row.n;
    },
    lastAudit(action) {
      const row = store.db
        .prepare(
          'SELECT actor, payload_json AS p FROM audit_log WHERE action = ? ORDER BY seq DESC LIMIT 1',
        )
        .get(action) as { actor: string; p: string } | undefined;
      if (row === undefined) throw new Error(`no ${action} audit record`);
      return { actor: row.actor, ...(JSON.parse(row.p) as Record<string, unknown>) };
    },
  };
}
