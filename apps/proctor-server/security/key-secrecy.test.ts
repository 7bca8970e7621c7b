import { CONSOLE_DOWNLOADS, type AnswerValue, type ClientToServerEvents } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../src/sessions/session-setup';
import {
  okData,
  runningSession,
  START,
  type RunningSession,
} from '../test/support/running-session';
import { call, callRaw, type TestClient, type TestServer } from '../test/support/util';

/*
 * A proctor or supervisor (or anyone with their console token) during a live session: they
 * open the console, click everything — results, statistics, timelines, marking, downloads — and
 * watch every push, hoping to read the answer key and pass it to candidates still sitting, or
 * to candidates of a later session of the same paper. Nothing they receive may carry the key,
 * per-option correctness or item statistics while any session of the exam has not ended.
 * The fixture's key: 判断题 true, 单选 A, 多选 A+C, 填空 "36", 简答 "参考答案".
 */

let room: RunningSession | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
});

const MINUTE = 60_000;
/** What would give the key away in any JSON a staff member receives. */
const KEY_MARKERS = [
  'isKey',
  'upperRate',
  'facility',
  'correctedPointBiserial',
  'referenceAnswer',
  '参考答案',
  '"36"',
  'distractor_favours_upper',
];

/** Every ack and every push a staff socket receives, as JSON. */
class Recorder {
  readonly received: string[] = [];
  constructor(readonly client: TestClient) {
    client.onAny((event: string, ...args: unknown[]) => {
      this.received.push(JSON.stringify([event, args]));
    });
  }
  async ask<E extends keyof ClientToServerEvents>(
    event: E,
    payload: Parameters<ClientToServerEvents[E]>[0],
  ) {
    const reply = await call(this.client, event, payload);
    this.received.push(JSON.stringify([event, reply]));
    return reply;
  }
}

async function answer(client: TestClient, attemptId: string, values: [string, AnswerValue][]) {
  for (const [index, [itemId, value]] of values.entries()) {
    okData(
      await call(client, 'answer:save', {
        attemptId,
        seq: index + 1,
        itemId,
        value,
        clientTime: new Date(START).toISOString(),
      }),
    );
  }
}

async function download(server: TestServer, token: string, sessionId: string, file: string) {
  const res = await fetch(
    `${server.url}/api/console/download?sessionId=${sessionId}&file=${file}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()).toString('latin1') };
}

/** Calls every staff read of the console for the session and its candidates. */
async function clickEverything(recorder: Recorder, sessionId: string, attemptIds: string[]) {
  await recorder.ask('console:sessions', {});
  await recorder.ask('monitor:snapshot', { sessionId });
  await recorder.ask('results:summary', { sessionId });
  await recorder.ask('incident:list', { sessionId });
  await recorder.ask('marking:queue', { sessionId });
  await recorder.ask('audit:status', {});
  for (const attemptId of attemptIds) await recorder.ask('console:timeline', { attemptId });
}

function leaks(texts: readonly string[]): string[] {
  return KEY_MARKERS.filter((marker) => texts.some((text) => text.includes(marker)));
}

describe('the answer key stays secret while any session of the exam has not ended', () => {
  it('a proctor and a supervisor receive no key, correctness or item statistics during the exam', async () => {
    room = await runningSession(3, { settings: { answerGraceMs: 0 } });
    const { server, seeded, candidates, clock } = room;
    const { store } = server.components;
    // a later session of the same paper, tomorrow
    createSession(
      store.db,
      store.audit,
      {
        id: 'session-2',
        name: '次日场次',
        examId: seeded.examId,
        scheduledStart: START + 24 * 60 * MINUTE,
        durationMinutes: 90,
        rules: {},
        rooms: [{ id: 'room-1', name: '第1考场', seatCount: 30 }],
      },
      'test',
      clock.now(),
    );
    const proctorToken = await server.staffToken('proctor', 'proctor-a');
    server.assignProctors(seeded.sessionId, ['proctor1', 'proctor-a']);
    const supervisorToken = await server.staffToken('supervisor', 'supervisor-a');
    const adminToken = await server.staffToken('admin', 'admin-a');
    const proctor = new Recorder(await server.createClient(proctorToken));
    const supervisor = new Recorder(await server.createClient(supervisorToken));
    const admin = await server.createClient(adminToken);

    // Two candidates answer and hand in (enough for item statistics); the third still sits.
    const keyed: [string, AnswerValue][] = [
      ['tf1', { kind: 'true_false', value: true }],
      ['sc1', { kind: 'choice', selected: ['A'] }],
      ['mc1', { kind: 'choice', selected: ['A', 'C'] }],
      ['sa1', { kind: 'text', text: '我的答案' }],
    ];
    const wrong: [string, AnswerValue][] = [
      ['tf1', { kind: 'true_false', value: false }],
      ['sc1', { kind: 'choice', selected: ['B'] }],
    ];
    await answer(candidates[0]!.client, candidates[0]!.attemptId, keyed);
    await answer(candidates[1]!.client, candidates[1]!.attemptId, wrong);
    clock.current = START + 31 * MINUTE;
    for (const c of candidates.slice(0, 2)) okData(await call(c.client, 'attempt:submit', {}));
    // pushes travel while the consoles watch
    okData(
      await call(room.proctor, 'proctor:extend', {
        attemptId: candidates[2]!.attemptId,
        minutes: 5,
        reason: '设备故障',
      }),
    );
    const attemptIds = candidates.map((c) => c.attemptId);
    await clickEverything(proctor, seeded.sessionId, attemptIds);
    await clickEverything(supervisor, seeded.sessionId, attemptIds);

    const summary = okData(
      await supervisor.ask('results:summary', { sessionId: seeded.sessionId }),
    );
    expect(summary.rows.filter((row) => row.total !== undefined)).toHaveLength(2);
    expect(summary.items).toEqual([]);
    expect(summary.itemsWithheld).toBe('exam_not_ended');
    const proctorSummary = okData(
      await proctor.ask('results:summary', { sessionId: seeded.sessionId }),
    );
    expect(proctorSummary.itemsWithheld).toBe('role');

    const downloads: string[] = [];
    for (const token of [proctorToken, supervisorToken]) {
      for (const file of CONSOLE_DOWNLOADS) {
        const reply = await download(server, token, seeded.sessionId, file);
        downloads.push(reply.body);
      }
    }
    // even the exam admin gets no key-bearing file while the exam runs
    for (const file of ['answer-sheets', 'results-package', 'item-statistics', 'responses']) {
      const reply = await download(server, adminToken, seeded.sessionId, file);
      expect(reply.status, file).toBe(409);
      downloads.push(reply.body);
    }
    expect(proctor.received.length).toBeGreaterThan(10);
    expect(proctor.received.some((text) => text.includes('monitor:attempt'))).toBe(true);
    expect(leaks([...proctor.received, ...supervisor.received, ...downloads])).toEqual([]);

    // Session 1 ends; session 2 of the same paper has not even started: still nothing.
    okData(
      await call(room.proctor, 'session:end', {
        sessionId: seeded.sessionId,
        reason: '考试时间到',
      }),
    );
    await clickEverything(supervisor, seeded.sessionId, attemptIds);
    const adminSummary = okData(
      await call(admin, 'results:summary', { sessionId: seeded.sessionId }),
    );
    expect(adminSummary.itemsWithheld).toBe('exam_not_ended');
    expect(adminSummary.items).toEqual([]);
    expect((await download(server, adminToken, seeded.sessionId, 'item-statistics')).status).toBe(
      409,
    );
    expect(leaks([...proctor.received, ...supervisor.received])).toEqual([]);
  });

  it('after every session ended, admins and supervisors get the full results, proctors totals only', async () => {
    room = await runningSession(2, { settings: { answerGraceMs: 0 } });
    const { server, seeded, candidates, clock } = room;
    const supervisor = await server.staffClient('supervisor');
    const adminToken = await server.staffToken('admin');
    const admin = await server.createClient(adminToken);
    await answer(candidates[0]!.client, candidates[0]!.attemptId, [
      ['sc1', { kind: 'choice', selected: ['A'] }],
    ]);
    clock.current = START + 31 * MINUTE;
    okData(
      await call(room.proctor, 'session:end', {
        sessionId: seeded.sessionId,
        reason: '考试时间到',
      }),
    );

    for (const client of [admin, supervisor]) {
      const summary = okData(
        await call(client, 'results:summary', { sessionId: seeded.sessionId }),
      );
      expect(summary.itemsWithheld).toBeUndefined();
      expect(summary.items.find((i) => i.itemId === 'sc1')?.options).toContainEqual(
        expect.objectContaining({ option: 'A', isKey: true }),
      );
    }
    const proctorSummary = okData(
      await call(room.proctor, 'results:summary', { sessionId: seeded.sessionId }),
    );
    expect(proctorSummary.itemsWithheld).toBe('role');
    expect(proctorSummary.items).toEqual([]);
    expect(proctorSummary.rows.map((row) => row.total)).toEqual([10, 0]);
    expect(JSON.stringify(proctorSummary)).not.toContain('isKey');
    expect((await download(server, adminToken, seeded.sessionId, 'item-statistics')).status).toBe(
      200,
    );
    // an unknown session stays a plain NOT_FOUND; a proctor is assigned to no such session (0221)
    expect(await callRaw(admin, 'results:summary', { sessionId: 'no-such-session' })).toMatchObject(
      { ok: false, error: { code: 'NOT_FOUND' } },
    );
    expect(
      await callRaw(room.proctor, 'results:summary', { sessionId: 'no-such-session' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('a released key stays released', () => {
  it('ending a later session early to download the key does not allow a replacement session', async () => {
    room = await runningSession(1, { settings: { answerGraceMs: 0 } });
    const { server, seeded, clock } = room;
    const { store } = server.components;
    const later = {
      id: 'session-2',
      name: '次日场次',
      examId: seeded.examId,
      scheduledStart: START + 24 * 60 * MINUTE,
      durationMinutes: 90,
      rules: {},
      rooms: [{ id: 'room-1', name: '第1考场', seatCount: 30 }],
    };
    createSession(store.db, store.audit, later, 'test', clock.now());
    const adminToken = await server.staffToken('admin');
    const admin = await server.createClient(adminToken);
    clock.current = START + 31 * MINUTE;
    okData(
      await call(room.proctor, 'session:end', {
        sessionId: seeded.sessionId,
        reason: '考试时间到',
      }),
    );
    expect((await download(server, adminToken, seeded.sessionId, 'results-package')).status).toBe(
      409,
    );
    // a hostile exam admin ends tomorrow's session before it starts, takes the key…
    okData(await call(admin, 'session:end', { sessionId: 'session-2', reason: '考试时间到' }));
    expect((await download(server, adminToken, seeded.sessionId, 'results-package')).status).toBe(
      200,
    );
    // …and schedules a replacement session of the same paper: refused
    const res = await fetch(`${server.url}/api/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...later, id: 'session-3', name: '补考场次' }),
    });
    const body = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
    expect(res.status).toBe(409);
    expect(body.error?.code).toBe('CONFLICT');
    expect(body.error?.message).toMatch(/答案已随成绩文件发出.*answer key already released/);
    expect(
      (
        store.db.prepare("SELECT count(*) AS n FROM sessions WHERE id = 'session-3'").get() as {
          n: number;
        }
      ).n,
    ).toBe(0);
    // the release is chained once, naming who and how
    const releases = store.db
      .prepare("SELECT actor, payload_json FROM audit_log WHERE action = 'exam.key-released'")
      .all() as { actor: string; payload_json: string }[];
    expect(releases).toHaveLength(1);
    expect(JSON.parse(releases[0]!.payload_json)).toMatchObject({
      examId: seeded.examId,
      via: 'results-package',
    });
  });
});
