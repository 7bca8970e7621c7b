import { expect } from 'vitest';
import { TestClock } from '../support/clock';
import { seedSession, type SeededSession } from '../support/exam-fixture';
import { START } from '../support/running-session';
import { startTestServer, type TestServer } from '../support/util';

/* A scheduled session with three candidates and the exam admin's HTTP calls, for 考生管理 tests. */

export interface Reply {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}

export interface CandidateRow {
  attemptId: string;
  admissionTicketNumber: string;
  idNumber: string;
  roomId: string;
  seat: number;
  status: string;
  photo: boolean;
  withdrawal?: { at: number; by: string; reason: string };
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export function staffApi(server: TestServer, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  return {
    async post(path: string, body: unknown): Promise<Reply> {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Reply['body'] };
    },
    async get(path: string): Promise<Reply> {
      const res = await fetch(`${server.url}${path}`, { headers });
      return { status: res.status, body: (await res.json()) as Reply['body'] };
    },
    async list(sessionId: string): Promise<CandidateRow[]> {
      const reply = await this.get(`/api/sessions/candidates?sessionId=${sessionId}`);
      expect(reply.status).toBe(200);
      return (reply.body.data as { candidates: CandidateRow[] }).candidates;
    },
  };
}

export interface Site {
  server: TestServer;
  clock: TestClock;
  seeded: SeededSession;
  admin: ReturnType<typeof staffApi>;
  count(sql: string): number;
}

/** Check-in is open (10 minutes before the start); candidates T000001–T000003 in room-1 seats 1–3. */
export async function scheduledSite(count = 3): Promise<Site> {
  const clock = new TestClock(START - 10 * 60_000);
  const server = await startTestServer({ now: clock.now });
  const seeded = seedSession(server.components.store, {
    count,
    scheduledStart: START,
    now: clock.now(),
  });
  const admin = staffApi(server, await server.staffToken('admin', 'admin1'));
  const count_ = (query: string) =>
    (server.components.store.db.prepare(query).get() as { n: number }).n;
  return { server, clock, seeded, admin, count: count_ };
}

/** Candidate login from the enrolled kiosk over HTTP. */
export async function candidateLogin(server: TestServer, ticket: string, code: string) {
  return server.post('/api/auth/candidate-login', server.kioskLogin(ticket, code));
}
