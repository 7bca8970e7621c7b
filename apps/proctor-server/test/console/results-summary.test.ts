import type { AnswerValue } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { okData, runningSession, type RunningSession } from '../support/running-session';
import { call, type TestClient } from '../support/util';

let room: RunningSession | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
});

async function answer(
  client: TestClient,
  attemptId: string,
  answers: readonly [string, AnswerValue][],
): Promise<void> {
  let seq = 0;
  for (const [itemId, value] of answers) {
    seq += 1;
    okData(
      await call(client, 'answer:save', {
        attemptId,
        seq,
        itemId,
        value,
        clientTime: new Date().toISOString(),
      }),
    );
  }
}

const tf = (value: boolean): AnswerValue => ({ kind: 'true_false', value });
const sc = (option: 'A' | 'B' | 'C' | 'D'): AnswerValue => ({ kind: 'choice', selected: [option] });

describe('results:summary', () => {
  it('gives score rows, the pass rate, a histogram and flagged item statistics', async () => {
    room = await runningSession(6, { settings: { answerGraceMs: 0 } });
    const { proctor, seeded, candidates, clock } = room;
    // Keys: tf* true, sc* A. Strong candidates get everything right; weak ones pick B on sc1,
    // and the strong ones pick C on sc2 (a distractor favouring the upper group).
    const plans: [string, AnswerValue][][] = [
      [
        ['tf1', tf(true)],
        ['tf2', tf(true)],
        ['tf3', tf(true)],
        ['tf4', tf(true)],
        ['sc1', sc('A')],
        ['sc2', sc('C')],
        ['sc3', sc('A')],
        ['sc4', sc('A')],
      ],
      [
        ['tf1', tf(true)],
        ['tf2', tf(true)],
        ['tf3', tf(true)],
        ['tf4', tf(true)],
        ['sc1', sc('A')],
        ['sc2', sc('C')],
        ['sc3', sc('A')],
        ['sc4', sc('A')],
      ],
      [
        ['tf1', tf(true)],
        ['tf2', tf(true)],
        ['tf3', tf(true)],
        ['tf4', tf(false)],
        ['sc1', sc('A')],
        ['sc2', sc('A')],
        ['sc3', sc('A')],
        ['sc4', sc('A')],
      ],
      [
        ['tf1', tf(true)],
        ['tf2', tf(false)],
        ['tf3', tf(true)],
        ['sc1', sc('B')],
        ['sc2', sc('A')],
      ],
      [
        ['tf1', tf(true)],
        ['tf2', tf(false)],
        ['sc1', sc('B')],
        ['sc2', sc('D')],
      ],
    ];
    for (const [index, plan] of plans.entries()) {
      const c = candidates[index]!;
      await answer(c.client, c.attemptId, plan);
    }
    clock.advanceMinutes(60);
    for (const c of candidates.slice(0, 5))
      okData(
        await call(proctor, 'proctor:force-submit', { attemptId: c.attemptId, reason: '收卷' }),
      );
    okData(
      await call(proctor, 'proctor:void', { attemptId: candidates[5]!.attemptId, reason: '违纪' }),
    );

    // the item statistics carry the key: withheld until every session of the exam has ended
    const live = okData(await call(proctor, 'results:summary', { sessionId: seeded.sessionId }));
    expect(live.itemsWithheld).toBe('role');
    expect(live.items).toEqual([]);
    const supervisor = await room.server.staffClient('supervisor');
    const early = okData(
      await call(supervisor, 'results:summary', { sessionId: seeded.sessionId }),
    );
    expect(early.itemsWithheld).toBe('exam_not_ended');
    expect(early.items).toEqual([]);
    expect(early.rows.map((r) => r.total)).toEqual(live.rows.map((r) => r.total));
    okData(
      await call(proctor, 'session:end', { sessionId: seeded.sessionId, reason: '考试时间到' }),
    );

    const summary = okData(
      await call(supervisor, 'results:summary', { sessionId: seeded.sessionId }),
    );
    expect(summary.itemsWithheld).toBeUndefined();
    expect(summary.rows).toHaveLength(6);
    expect(summary.fullMarks).toBe(100);
    expect(summary.passMark).toBe(60);
    const totals = summary.rows.map((r) => r.total);
    // tf 10 points each (4 items, 40 points), sc 10 each; short answer still needs marking
    expect(totals).toEqual([70, 70, 70, 30, 10, undefined]);
    expect(summary.rows[5]?.status).toBe('voided');
    expect(summary.rows.slice(0, 5).map((r) => r.result)).toEqual([
      'pass',
      'pass',
      'pass',
      'fail',
      'fail',
    ]);
    expect(summary.scored).toBe(5);
    expect(summary.passed).toBe(3);
    expect(summary.passRate).toBeCloseTo(0.6);
    expect(summary.histogram).toHaveLength(10);
    expect(summary.histogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(5);

    const item = (id: string) => summary.items.find((i) => i.itemId === id)!;
    expect(item('tf1').facility).toBe(1);
    expect(item('tf1').flags.map((f) => f.code)).toContain('facility_high');
    expect(item('sc2').flags).toContainEqual(
      expect.objectContaining({ code: 'distractor_favours_upper', option: 'C' }),
    );
    expect(item('sc1').number).toBe(5);
    expect(item('sc1').options?.find((o) => o.option === 'A')?.isKey).toBe(true);
  });

  it('refuses an unknown session', async () => {
    room = await runningSession(1);
    const admin = await room.server.staffClient('admin');
    expect(await call(admin, 'results:summary', { sessionId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // a proctor is assigned to no such session: refused without learning whether it exists
    expect(await call(room.proctor, 'results:summary', { sessionId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
