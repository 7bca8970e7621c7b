import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ack, AnswerEvent, AnswerSaveResult, ErrorCode } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { AnswerJournal } from './answer-journal';
import { classifySaveFailure, Outbox, type OutboxStatus } from './outbox';

const t0 = new Date('2026-11-21T09:00:00.000Z');

function journalWith(n: number): AnswerJournal {
  const journal = AnswerJournal.open(
    join(mkdtempSync(join(tmpdir(), 'outbox-')), 'journal.db'),
    'att-1',
  );
  for (let i = 1; i <= n; i += 1)
    journal.record(`q${i}`, { kind: 'true_false', value: i % 2 === 0 }, t0);
  return journal;
}

/**
 * A server's answer store in memory, with the real ack rule: store by seq idempotently and ack
 * the highest contiguous seq. `fail` decides per call whether the network drops the request.
 */
function fakeServer(fail: (call: number) => boolean) {
  const stored = new Map<number, AnswerEvent>();
  const sent: number[] = [];
  let calls = 0;
  const transport = async (event: AnswerEvent): Promise<Ack<AnswerSaveResult>> => {
    calls += 1;
    sent.push(event.seq);
    if (fail(calls)) throw new Error('timeout');
    stored.set(event.seq, event);
    let ackedSeq = 0;
    while (stored.has(ackedSeq + 1)) ackedSeq += 1;
    return { ok: true, data: { ackedSeq } };
  };
  return { stored, sent, transport };
}

describe('Outbox', () => {
  it('sends every event once, in order, and ends synced', async () => {
    const journal = journalWith(5);
    const server = fakeServer(() => false);
    const statuses: OutboxStatus[] = [];
    await new Outbox(journal, server.transport, { onStatus: (s) => statuses.push(s) }).kick();
    expect(server.sent).toEqual([1, 2, 3, 4, 5]);
    expect(journal.ackedSeq()).toBe(5);
    expect(statuses.at(-1)).toEqual({ state: 'synced' });
  });

  it('retries through drops with exponential backoff, losing nothing', async () => {
    const journal = journalWith(4);
    const server = fakeServer((call) => call % 3 !== 0); // two of every three calls fail
    const sleeps: number[] = [];
    const outbox = new Outbox(journal, server.transport, {
      initialBackoffMs: 100,
      maxBackoffMs: 250,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    await outbox.kick();
    expect([...server.stored.keys()].sort()).toEqual([1, 2, 3, 4]);
    expect(journal.pending()).toEqual([]);
    expect(sleeps.slice(0, 3)).toEqual([100, 200, 100]);
    expect(Math.max(...sleeps)).toBeLessThanOrEqual(250);
  });

  it('resends from the server’s contiguous seq when the server lost an earlier event', async () => {
    const journal = journalWith(3);
    journal.acknowledge(2); // the kiosk believed 1–2 were stored …
    const server = fakeServer(() => false); // … but this server has nothing (restored backup)
    const original = server.transport;
    let first = true;
    const transport = async (event: AnswerEvent) => {
      const reply = await original(event);
      if (first) {
        first = false;
        // Server reports ackedSeq 0 after storing seq 3: it has a gap at 1–2.
        return { ok: true as const, data: { ackedSeq: 0 } };
      }
      return reply;
    };
    await new Outbox(journal, transport).kick();
    expect(journal.ackedSeq()).toBe(3);
  });

  it('stops on a permanent rejection, reports which event, and keeps it in the journal', async () => {
    const journal = journalWith(2);
    const statuses: OutboxStatus[] = [];
    await new Outbox(
      journal,
      async () => ({ ok: false, error: { code: 'CONFLICT', message: '已交卷，不能再修改答案' } }),
      { onStatus: (s) => statuses.push(s) },
    ).kick();
    expect(statuses.at(-1)).toMatchObject({
      state: 'rejected',
      code: 'CONFLICT',
      message: '已交卷，不能再修改答案',
      seq: 1,
      itemId: 'q1',
    });
    expect(journal.ackedSeq()).toBe(0);
    expect(journal.pending().map((e) => e.seq)).toEqual([1, 2]);
  });

  it('holds on PAUSED without retrying in a loop, and sends everything after the resume', async () => {
    const journal = journalWith(3);
    let paused = true;
    const server = fakeServer(() => false);
    const calls: number[] = [];
    const transport = async (event: AnswerEvent): Promise<Ack<AnswerSaveResult>> => {
      calls.push(event.seq);
      if (paused)
        return { ok: false, error: { code: 'PAUSED', message: '考试已暂停，答案将在恢复后保存' } };
      return server.transport(event);
    };
    const statuses: OutboxStatus[] = [];
    const holdTimers: number[] = [];
    let releaseHold: () => void = () => undefined;
    const outbox = new Outbox(journal, transport, {
      onStatus: (s) => statuses.push(s),
      holdRetryMs: 30_000,
      sleep: (ms) => {
        holdTimers.push(ms);
        return new Promise<void>((resolve) => {
          releaseHold = resolve;
        });
      },
    });
    await outbox.kick();
    expect(calls).toEqual([1]); // one ask, then it waits: no backoff loop against a paused exam
    expect(holdTimers).toEqual([30_000]);
    expect(statuses.at(-1)).toEqual({
      state: 'held',
      pending: 3,
      message: '考试已暂停，答案将在恢复后保存',
    });
    expect(journal.pending()).toHaveLength(3);

    paused = false; // the resume push arrives: the agent kicks the outbox
    await outbox.kick();
    expect(server.sent).toEqual([1, 2, 3]);
    expect(journal.ackedSeq()).toBe(3);
    expect(statuses.at(-1)).toEqual({ state: 'synced' });
    // the stale hold timer fires later and does nothing more
    releaseHold();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toEqual([1, 1, 2, 3]);
  });

  it('asks again after the hold interval when the resume push is lost', async () => {
    const journal = journalWith(1);
    let paused = true;
    const statuses: OutboxStatus[] = [];
    let wake: () => void = () => undefined;
    const outbox = new Outbox(
      journal,
      async () =>
        paused
          ? { ok: false, error: { code: 'PAUSED', message: '考试已暂停' } }
          : { ok: true, data: { ackedSeq: 1 } },
      {
        onStatus: (s) => statuses.push(s),
        sleep: () =>
          new Promise<void>((resolve) => {
            wake = resolve;
          }),
      },
    );
    await outbox.kick();
    expect(statuses.at(-1)).toMatchObject({ state: 'held' });
    paused = false;
    wake();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(journal.ackedSeq()).toBe(1);
    expect(statuses.at(-1)).toEqual({ state: 'synced' });
  });

  it('retries transient server errors with backoff and never marks them rejected', async () => {
    const journal = journalWith(1);
    const codes: ErrorCode[] = ['UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL'];
    const statuses: OutboxStatus[] = [];
    await new Outbox(
      journal,
      async () => {
        const code = codes.shift();
        return code === undefined
          ? { ok: true, data: { ackedSeq: 1 } }
          : { ok: false, error: { code, message: `${code} 请重试` } };
      },
      { onStatus: (s) => statuses.push(s), sleep: async () => undefined },
    ).kick();
    expect(statuses.map((s) => s.state)).toEqual([
      'sending',
      'retrying',
      'sending',
      'retrying',
      'sending',
      'retrying',
      'sending',
      'synced',
    ]);
    expect(journal.ackedSeq()).toBe(1);
  });
});

describe('classifySaveFailure', () => {
  it('holds on PAUSED, retries what can pass, and rejects what cannot', () => {
    expect(classifySaveFailure('PAUSED')).toBe('hold');
    for (const code of ['UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL'])
      expect(classifySaveFailure(code)).toBe('transient');
    for (const code of [
      'BAD_REQUEST',
      'NOT_FOUND',
      'FORBIDDEN',
      'CONFLICT',
      'UNAUTHORIZED',
      'CLIENT_REJECTED',
      'SOMETHING_NEW',
    ])
      expect(classifySaveFailure(code)).toBe('permanent');
  });
});

describe('Outbox stopped mid-flight', () => {
  it('does not touch the journal when the reply arrives after stop (journal closed)', async () => {
    const journal = journalWith(1);
    let release: (reply: Ack<AnswerSaveResult>) => void = () => undefined;
    const outbox = new Outbox(
      journal,
      () =>
        new Promise<Ack<AnswerSaveResult>>((resolve) => {
          release = resolve;
        }),
    );
    const draining = outbox.kick();
    await new Promise((resolve) => setTimeout(resolve, 10));
    outbox.stop();
    journal.close();
    release({ ok: true, data: { ackedSeq: 1 } });
    await expect(draining).resolves.toBeUndefined();
  });
});
