import { answerStateHash, type AnswerEvent, type AnswerValue } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { okData, runningSession, type RunningSession } from './support/running-session';
import { call, callRaw } from './support/util';

let running: RunningSession | undefined;
afterEach(async () => {
  await running?.server.closeAll();
  running = undefined;
});

const event = (
  attemptId: string,
  seq: number,
  itemId: string,
  value: AnswerValue,
): AnswerEvent => ({
  attemptId,
  seq,
  itemId,
  value,
  clientTime: '2026-11-21T01:05:00.000Z',
});

function rows(r: RunningSession, sql: string, ...params: unknown[]): unknown[] {
  return r.server.components.store.db.prepare(sql).all(...params);
}

describe('answer:save — durable, idempotent, group-committed', () => {
  it('stores a re-delivered (attempt, seq) once and re-acks it', async () => {
    running = await runningSession(1);
    const { client, attemptId } = running.candidates[0]!;
    const e = event(attemptId, 1, 'tf1', { kind: 'true_false', value: true });
    expect(okData(await call(client, 'answer:save', e))).toEqual({ ackedSeq: 1 });
    // the same seq again, even with another value, is not applied twice
    expect(
      okData(
        await call(client, 'answer:save', { ...e, value: { kind: 'true_false', value: false } }),
      ),
    ).toEqual({ ackedSeq: 1 });
    expect(
      rows(running, 'SELECT seq, value_json FROM answer_events WHERE attempt_id = ?', attemptId),
    ).toEqual([{ seq: 1, value_json: '{"kind":"true_false","value":true}' }]);
    expect(
      rows(running, "SELECT count(*) AS n FROM audit_log WHERE action = 'answer.save'"),
    ).toEqual([{ n: 1 }]);
  });

  it('acks the highest CONTIGUOUS seq when events arrive out of order, and the latest seq wins per item', async () => {
    running = await runningSession(1);
    const { client, attemptId } = running.candidates[0]!;
    expect(
      okData(
        await call(
          client,
          'answer:save',
          event(attemptId, 1, 'sc1', { kind: 'choice', selected: ['A'] }),
        ),
      ),
    ).toEqual({ ackedSeq: 1 });
    expect(
      okData(
        await call(
          client,
          'answer:save',
          event(attemptId, 3, 'sc1', { kind: 'choice', selected: ['C'] }),
        ),
      ),
    ).toEqual({ ackedSeq: 1 });
    const resync = okData(
      await call(client, 'attempt:resync', { attemptId, clientSeq: 3, stateHash: '0'.repeat(64) }),
    );
    expect(resync).toMatchObject({ ackedSeq: 1, storedAbove: [3], inSync: false });
    // seq 2 (older value) arrives late: it fills the gap but must not overwrite seq 3's value
    expect(
      okData(
        await call(
          client,
          'answer:save',
          event(attemptId, 2, 'sc1', { kind: 'choice', selected: ['B'] }),
        ),
      ),
    ).toEqual({ ackedSeq: 3 });
    expect(
      rows(running, 'SELECT seq, value_json FROM answers_current WHERE attempt_id = ?', attemptId),
    ).toEqual([{ seq: 3, value_json: '{"kind":"choice","selected":["C"]}' }]);
    const state = new Map<string, AnswerValue>([['sc1', { kind: 'choice', selected: ['C'] }]]);
    const synced = okData(
      await call(client, 'attempt:resync', {
        attemptId,
        clientSeq: 3,
        stateHash: answerStateHash(state),
      }),
    );
    expect(synced).toMatchObject({ ackedSeq: 3, storedAbove: [], inSync: true });
    expect(synced.answers).toBeUndefined();
  });

  it('commits many concurrent saves in few transactions (group commit), every one acked', async () => {
    running = await runningSession(3, { settings: { groupCommitMs: 20 } });
    const before = running.server.app.context.collector.stats;
    const sends = running.candidates.flatMap(({ client, attemptId }) =>
      Array.from({ length: 20 }, (_, i) =>
        call(
          client,
          'answer:save',
          event(attemptId, i + 1, `tf${(i % 4) + 1}`, { kind: 'true_false', value: i % 2 === 0 }),
        ),
      ),
    );
    const acks = await Promise.all(sends);
    expect(acks.every((a) => a.ok)).toBe(true);
    const after = running.server.app.context.collector.stats;
    expect(after.events - before.events).toBe(60);
    expect(after.batches - before.batches).toBeLessThan(30);
    for (const { attemptId } of running.candidates) {
      expect(rows(running, 'SELECT acked_seq FROM attempts WHERE id = ?', attemptId)).toEqual([
        { acked_seq: 20 },
      ]);
    }
  });

  it('gives every bad payload a typed error and leaves state unchanged', async () => {
    running = await runningSession(2);
    const [a, b] = running.candidates;
    const { client, attemptId } = a!;
    const snapshot = () =>
      JSON.stringify([
        rows(running!, 'SELECT * FROM answer_events'),
        rows(running!, 'SELECT * FROM attempts ORDER BY id'),
      ]);
    const before = snapshot();
    const cases: [string, unknown, string][] = [
      ['wrong types', { ...event(attemptId, 1, 'tf1', null), seq: 'one' }, 'BAD_REQUEST'],
      [
        'value of the wrong kind',
        event(attemptId, 1, 'tf1', { kind: 'choice', selected: ['A'] }),
        'BAD_REQUEST',
      ],
      [
        'two options for a single choice',
        event(attemptId, 1, 'sc1', { kind: 'choice', selected: ['A', 'B'] }),
        'BAD_REQUEST',
      ],
      [
        'an option the item lacks',
        event(attemptId, 1, 'sc1', { kind: 'choice', selected: ['F'] }),
        'BAD_REQUEST',
      ],
      [
        'unknown item',
        event(attemptId, 1, 'nope', { kind: 'true_false', value: true }),
        'NOT_FOUND',
      ],
      [
        "another candidate's attempt",
        event(b!.attemptId, 1, 'tf1', { kind: 'true_false', value: true }),
        'FORBIDDEN',
      ],
      [
        'over 64 KB',
        event(attemptId, 1, 'sa1', {
          kind: 'text',
          text: '答'.repeat(19_000) + 'x'.repeat(10_000),
        }),
        'BAD_REQUEST',
      ],
    ];
    for (const [name, payload, code] of cases) {
      const ack = await callRaw(client, 'answer:save', payload);
      expect(ack, name).toMatchObject({ ok: false, error: { code } });
    }
    const huge = await callRaw(client, 'answer:save', {
      ...event(attemptId, 1, 'sa1', null),
      pad: 'x'.repeat(70_000),
    });
    expect(huge).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringContaining('payload too large') },
    });
    // a proctor action from a candidate socket
    expect(
      await call(client, 'proctor:extend', { attemptId, minutes: 10, reason: '自己加时' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await call(client, 'session:end', {
        sessionId: running.seeded.sessionId,
        reason: '考试时间到',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // resync of another attempt
    expect(
      await call(client, 'attempt:resync', {
        attemptId: b!.attemptId,
        clientSeq: 0,
        stateHash: '0'.repeat(64),
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshot()).toBe(before);
    expect(client.connected).toBe(true);
  });

  it('refuses answers after submission and after the deadline, but re-acks what was stored before', async () => {
    running = await runningSession(2);
    const [a, b] = running.candidates;
    okData(
      await call(
        a!.client,
        'answer:save',
        event(a!.attemptId, 1, 'tf1', { kind: 'true_false', value: true }),
      ),
    );
    running.clock.advanceMinutes(31);
    okData(await call(a!.client, 'attempt:submit', {}));
    expect(
      await call(
        a!.client,
        'answer:save',
        event(a!.attemptId, 2, 'tf2', { kind: 'true_false', value: true }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      okData(
        await call(
          a!.client,
          'answer:save',
          event(a!.attemptId, 1, 'tf1', { kind: 'true_false', value: true }),
        ),
      ),
    ).toEqual({ ackedSeq: 1 });

    running.clock.advanceMinutes(60); // past b's deadline (90 min) + grace
    expect(
      await call(
        b!.client,
        'answer:save',
        event(b!.attemptId, 1, 'tf1', { kind: 'true_false', value: true }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      rows(running, 'SELECT count(*) AS n FROM answer_events WHERE attempt_id = ?', b!.attemptId),
    ).toEqual([{ n: 0 }]);
  });
});
