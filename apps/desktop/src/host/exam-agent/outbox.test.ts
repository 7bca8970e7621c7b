import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ack, AnswerEvent, AnswerSaveResult } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { AnswerJournal } from './answer-journal';
import { Outbox, type OutboxStatus } from './outbox';

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

  it('stops on a permanent rejection and reports it', async () => {
    const journal = journalWith(2);
    const statuses: OutboxStatus[] = [];
    await new Outbox(
      journal,
      async () => ({ ok: false, error: { code: 'CONFLICT', message: '已交卷，不能再修改答案' } }),
      { onStatus: (s) => statuses.push(s) },
    ).kick();
    expect(statuses.at(-1)).toMatchObject({ state: 'rejected', code: 'CONFLICT' });
    expect(journal.ackedSeq()).toBe(0);
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
