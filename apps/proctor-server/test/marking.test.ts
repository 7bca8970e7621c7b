import { afterEach, describe, expect, it } from 'vitest';
import { call } from './support/util';
import { okData, runningSession, type RunningSession } from './support/running-session';

/*
 * The manual marking queue over real sockets: short answers of finished attempts, two
 * independent markers, a third when they differ too much, rescoring when marking completes.
 */

let session: RunningSession | undefined;
afterEach(async () => {
  await session?.server.closeAll();
  session = undefined;
});

async function answerAndSubmit(s: RunningSession, index: number, text: string): Promise<string> {
  const c = s.candidates[index];
  if (c === undefined) throw new Error('no such candidate');
  okData(
    await call(c.client, 'answer:save', {
      attemptId: c.attemptId,
      seq: 1,
      itemId: 'sa1',
      value: { kind: 'text', text },
      clientTime: new Date(s.clock.now()).toISOString(),
    }),
  );
  okData(await call(c.client, 'attempt:submit', {}));
  return c.attemptId;
}

describe('manual marking of short answers', () => {
  it('two markers mark independently, a third settles a disagreement, and the attempt is rescored', async () => {
    session = await runningSession(2, { settings: { manualMarkersRequired: 2 } });
    const s = session;
    s.clock.advanceMinutes(31); // past the earliest submission time
    const first = await answerAndSubmit(s, 0, '断电、验电、挂接地线、悬挂标示牌');
    const second = await answerAndSubmit(s, 1, '先断电');
    const markerA = await s.server.staffClient('proctor', 'marker-a');
    const markerB = await s.server.staffClient('proctor', 'marker-b');
    const markerC = await s.server.staffClient('admin', 'marker-c');
    const sessionId = s.seeded.sessionId;
    s.server.assignProctors(sessionId, ['proctor1', 'marker-a', 'marker-b']);

    const queue = okData(await call(markerA, 'marking:queue', { sessionId }));
    expect(queue.tasks.map((t) => [t.attemptId, t.itemId, t.status, t.marksGiven])).toEqual(
      expect.arrayContaining([
        [first, 'sa1', 'awaiting_marks', 0],
        [second, 'sa1', 'awaiting_marks', 0],
      ]),
    );
    const task = queue.tasks.find((t) => t.attemptId === first);
    expect(task?.answerText).toBe('断电、验电、挂接地线、悬挂标示牌');
    const max = task?.maxPoints ?? 0;

    // Close marks are averaged once the second marker is in.
    expect(
      okData(
        await call(markerA, 'marking:submit', { attemptId: first, itemId: 'sa1', points: max }),
      ),
    ).toEqual({
      status: 'awaiting_marks',
    });
    // A marker never sees the other's mark, only their own.
    const seenByB = okData(await call(markerB, 'marking:queue', { sessionId })).tasks.find(
      (t) => t.attemptId === first,
    );
    expect(seenByB).toMatchObject({ marksGiven: 1 });
    expect(seenByB?.myPoints).toBeUndefined();
    const done = okData(
      await call(markerB, 'marking:submit', { attemptId: first, itemId: 'sa1', points: max - 1 }),
    );
    expect(done).toMatchObject({ status: 'final', finalPoints: max - 0.5 });
    expect(done.total).toBeGreaterThan(0);

    // Far apart: a third marker is needed before the attempt is rescored.
    expect(
      okData(
        await call(markerA, 'marking:submit', { attemptId: second, itemId: 'sa1', points: max }),
      ),
    ).toEqual({ status: 'awaiting_marks' });
    expect(
      okData(
        await call(markerB, 'marking:submit', { attemptId: second, itemId: 'sa1', points: 0 }),
      ),
    ).toEqual({
      status: 'needs_third_marker',
    });
    const settled = okData(
      await call(markerC, 'marking:submit', { attemptId: second, itemId: 'sa1', points: 1 }),
    );
    expect(settled.status).toBe('final');

    const row = s.server.components.store.db
      .prepare('SELECT detail_json FROM scores WHERE attempt_id = ?')
      .get(first) as { detail_json: string };
    expect(JSON.parse(row.detail_json)).toMatchObject({ total: done.total, needsMarking: 0 });
  });

  it('refuses a second mark by the same marker, marks out of range, unfinished attempts and candidates', async () => {
    session = await runningSession(2);
    const s = session;
    s.clock.advanceMinutes(31);
    const finished = await answerAndSubmit(s, 0, '断电');
    const marker = await s.server.staffClient('proctor', 'marker-a');
    s.server.assignProctors(s.seeded.sessionId, ['proctor1', 'marker-a']);
    const supervisor = await s.server.staffClient('supervisor', 'watcher');
    const running = s.candidates[1]?.attemptId ?? '';

    expect(
      await call(marker, 'marking:submit', { attemptId: running, itemId: 'sa1', points: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await call(marker, 'marking:submit', { attemptId: finished, itemId: 'tf1', points: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await call(marker, 'marking:submit', { attemptId: finished, itemId: 'sa1', points: 999 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(
      await call(supervisor, 'marking:submit', { attemptId: finished, itemId: 'sa1', points: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const candidate = s.candidates[0]?.client;
    if (candidate === undefined) throw new Error('no candidate');
    expect(await call(candidate, 'marking:queue', { sessionId: s.seeded.sessionId })).toMatchObject(
      {
        ok: false,
      },
    );
    // Single marking (the default): one mark is final; a second by the same marker is refused.
    expect(
      okData(
        await call(marker, 'marking:submit', { attemptId: finished, itemId: 'sa1', points: 2 }),
      ),
    ).toMatchObject({
      status: 'final',
      finalPoints: 2,
    });
    expect(
      await call(marker, 'marking:submit', { attemptId: finished, itemId: 'sa1', points: 3 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const marks = s.server.components.store.db
      .prepare('SELECT count(*) AS n FROM manual_marks')
      .get() as { n: number };
    expect(marks.n).toBe(1);
  });
});
