import type { CandidatePaper } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { openSealedPaper } from '../../src/content/seal-paper';
import { TestClock } from '../support/clock';
import { seedSession } from '../support/exam-fixture';
import { okData, START } from '../support/running-session';
import { call, startTestServer, type TestServer } from '../support/util';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const order = (paper: CandidatePaper) =>
  paper.sections.flatMap((s) =>
    s.items.map((item) =>
      'options' in item ? `${item.itemId}:${item.options.map((o) => o.id).join('')}` : item.itemId,
    ),
  );

async function twoCandidates(manifest: Record<string, unknown>) {
  const clock = new TestClock(START - 20 * 60_000);
  server = await startTestServer({ now: clock.now });
  const seeded = seedSession(server.components.store, {
    count: 2,
    scheduledStart: START,
    now: clock.now(),
    manifest,
  });
  const proctor = await server.staffClient('proctor', 'proctor1');
  server.assignProctors(seeded.sessionId, ['proctor1']);
  const logins = [];
  for (const c of seeded.candidates) {
    const login = await server.candidateClient(c.admissionTicketNumber, c.examCode);
    okData(await call(login.client, 'attempt:confirm-identity', {}));
    logins.push(login);
  }
  return { clock, server, seeded, proctor, logins };
}

describe('content release: sealed paper early, key at the start', () => {
  it('seals each candidate’s own paper for its attempt; the key comes only when the attempt runs', async () => {
    const { clock, server, seeded, proctor, logins } = await twoCandidates({});
    const [a, b] = logins;
    // sealed paper while waiting for admission; no key yet
    const sealedA = okData(await call(a!.client, 'attempt:sealed-paper', {}));
    const sealedB = okData(await call(b!.client, 'attempt:sealed-paper', {}));
    expect(sealedA).toMatchObject({ algorithm: 'aes-256-gcm', paperId: 'exam-1-paper' });
    expect(Buffer.from(sealedA.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealedA.tag, 'base64')).toHaveLength(16);
    expect(sealedA.keyId).toBe(sealedB.keyId); // one key per session
    expect(Buffer.from(sealedA.ciphertext, 'base64').toString('utf8')).not.toContain('判断题');
    expect(await call(a!.client, 'attempt:content-key', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '试卷尚未发放 (content not released)' },
    });

    okData(await call(proctor, 'proctor:admit', { sessionId: seeded.sessionId }));
    expect(await call(a!.client, 'attempt:content-key', {})).toMatchObject({ ok: false });
    clock.current = START;
    okData(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));

    const key = okData(await call(a!.client, 'attempt:content-key', {}));
    expect(key.keyId).toBe(sealedA.keyId);
    const raw = Buffer.from(key.key, 'base64');
    expect(raw).toHaveLength(32);
    const opened = openSealedPaper(sealedA, a!.attemptId, raw);
    expect(opened.paper.sections).toHaveLength(5);
    expect(opened.assets).toEqual({});
    expect(JSON.stringify(opened)).not.toContain('"key"');
    // AAD binds the paper to its attempt: B's sealed paper does not open as A's, nor A's as B's
    expect(() => openSealedPaper(sealedB, a!.attemptId, raw)).toThrow();
    expect(() => openSealedPaper(sealedA, b!.attemptId, raw)).toThrow();
    // a flipped ciphertext byte fails the GCM tag
    const bytes = Buffer.from(sealedA.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(() =>
      openSealedPaper({ ...sealedA, ciphertext: bytes.toString('base64') }, a!.attemptId, raw),
    ).toThrow();

    // the release is audited; staff may not ask for a key
    const audited = server.components.store.db
      .prepare("SELECT actor FROM audit_log WHERE action = 'content.key-released'")
      .all();
    expect(audited).toEqual([{ actor: `candidate:${a!.attemptId}` }]);
    expect(await call(proctor, 'attempt:content-key', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // after submission: neither paper nor key
    clock.advanceMinutes(31);
    okData(await call(a!.client, 'attempt:submit', {}));
    expect(await call(a!.client, 'attempt:sealed-paper', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await call(a!.client, 'attempt:content-key', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('gives each candidate their own stable order; same logical answers, same score', async () => {
    const { clock, server, seeded, proctor, logins } = await twoCandidates({
      variation: { shuffleItems: true, shuffleOptions: true },
    });
    okData(await call(proctor, 'proctor:admit', { sessionId: seeded.sessionId }));
    clock.current = START;
    okData(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));
    const papers = [];
    for (const login of logins) {
      const key = Buffer.from(
        okData(await call(login.client, 'attempt:content-key', {})).key,
        'base64',
      );
      const first = openSealedPaper(
        okData(await call(login.client, 'attempt:sealed-paper', {})),
        login.attemptId,
        key,
      ).paper;
      const again = openSealedPaper(
        okData(await call(login.client, 'attempt:sealed-paper', {})),
        login.attemptId,
        key,
      ).paper;
      expect(order(again)).toEqual(order(first)); // the seed is stored: same order every time
      papers.push(first);
    }
    expect(order(papers[0]!)).not.toEqual(order(papers[1]!));
    expect(papers[0]!.sections.map((s) => s.title)).toEqual(
      papers[1]!.sections.map((s) => s.title),
    );

    // both answer the same logical answers, each in their own display order
    for (const [index, login] of logins.entries()) {
      const items = papers[index]!.sections.flatMap((s) => s.items);
      let seq = 0;
      for (const item of items) {
        const value =
          item.type === 'true_false'
            ? { kind: 'true_false', value: true }
            : item.type === 'single_choice'
              ? { kind: 'choice', selected: ['A'] }
              : item.type === 'multiple_choice'
                ? { kind: 'choice', selected: ['C', 'A'] }
                : item.type === 'fill_blank'
                  ? { kind: 'blanks', values: { b1: '36' } }
                  : { kind: 'text', text: '断电' };
        seq += 1;
        okData(
          await call(login.client, 'answer:save', {
            attemptId: login.attemptId,
            seq,
            itemId: item.itemId,
            value: value as never,
            clientTime: new Date(clock.now()).toISOString(),
          }),
        );
      }
    }
    clock.advanceMinutes(31);
    for (const login of logins) okData(await call(login.client, 'attempt:submit', {}));
    const totals = server.components.store.db
      .prepare('SELECT total FROM scores ORDER BY attempt_id')
      .all() as { total: number }[];
    expect(totals).toHaveLength(2);
    expect(totals[0]!.total).toBe(totals[1]!.total);
    expect(totals[0]!.total).toBe(90); // everything right except the manually marked 简答题
  });
});
