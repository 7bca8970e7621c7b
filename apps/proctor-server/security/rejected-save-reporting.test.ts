import type { AnswerEvent, KioskEventNotice, Timeline } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { okData, runningSession, type RunningSession } from '../test/support/running-session';
import { call, waitFor } from '../test/support/util';

/*
 * A save the server refuses for good (unknown item, a value that does not fit, a finished
 * attempt, a passed deadline) used to vanish: the kiosk showed 「离线」 and the proctors saw
 * nothing. Now every such refusal is in the audit chain and pushed to the console at once, so a
 * proctor walks over; a script refused in a loop cannot flood the chain (one record per attempt
 * per 10 s); a pause (PAUSED) or a re-delivered event is not a refusal.
 */

let running: RunningSession | undefined;
afterEach(async () => {
  await running?.server.closeAll();
  running = undefined;
});

const event = (attemptId: string, seq: number, itemId = 'tf1'): AnswerEvent => ({
  attemptId,
  seq,
  itemId,
  value: { kind: 'true_false', value: true },
  clientTime: '2026-11-21T01:05:00.000Z',
});

function rejectionRecords(r: RunningSession): { code: string; seq: number }[] {
  return (
    r.server.components.store.db
      .prepare("SELECT payload_json FROM audit_log WHERE action = 'answer.rejected' ORDER BY seq")
      .all() as { payload_json: string }[]
  ).map((row) => JSON.parse(row.payload_json) as { code: string; seq: number });
}

describe('a permanently rejected save is reported to the proctors', () => {
  it('audits the refusal, pushes it to the console and shows it on the candidate timeline', async () => {
    running = await runningSession(1);
    const { proctor, clock } = running;
    const [a] = running.candidates;
    const pushed = waitFor<KioskEventNotice>(
      proctor,
      'monitor:kiosk-event',
      3000,
      (n) => n.kind === 'answer_rejected',
    );
    const reply = await call(a!.client, 'answer:save', event(a!.attemptId, 1, 'no-such-item'));
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const notice = await pushed;
    expect(notice).toMatchObject({ attemptId: a!.attemptId, kind: 'answer_rejected' });
    expect(notice.detail).toContain('no-such-item');
    expect(rejectionRecords(running)).toMatchObject([{ code: 'NOT_FOUND', seq: 1 }]);
    const timeline: Timeline = okData(
      await call(proctor, 'console:timeline', { attemptId: a!.attemptId }),
    );
    expect(timeline.entries.filter((e) => e.kind === 'answer.rejected')).toHaveLength(1);

    // a script refused 50 times in a row leaves one record per 10 s, not 50
    for (let i = 0; i < 50; i += 1) {
      await call(a!.client, 'answer:save', {
        ...event(a!.attemptId, 1),
        value: { kind: 'choice', selected: ['A'] }, // wrong kind for a 判断题
      });
    }
    expect(rejectionRecords(running)).toHaveLength(1);
    clock.advanceMs(10_000);
    await call(a!.client, 'answer:save', event(a!.attemptId, 1, 'still-no-item'));
    expect(rejectionRecords(running)).toMatchObject([{ code: 'NOT_FOUND' }, { code: 'NOT_FOUND' }]);
  });

  it('does not report a pause or a re-delivery, and reports a save after the attempt ended', async () => {
    running = await runningSession(1);
    const { proctor, clock } = running;
    const [a] = running.candidates;
    okData(await call(a!.client, 'answer:save', event(a!.attemptId, 1)));
    okData(await call(proctor, 'proctor:pause', { attemptId: a!.attemptId, reason: '设备检查' }));
    expect(await call(a!.client, 'answer:save', event(a!.attemptId, 2))).toMatchObject({
      ok: false,
      error: { code: 'PAUSED' },
    });
    // seq 1 was stored before the pause: its re-delivery is re-acked, not refused
    expect(okData(await call(a!.client, 'answer:save', event(a!.attemptId, 1)))).toEqual({
      ackedSeq: 1,
    });
    expect(rejectionRecords(running)).toEqual([]);

    clock.advanceMinutes(1);
    okData(
      await call(proctor, 'proctor:force-submit', { attemptId: a!.attemptId, reason: '收卷' }),
    );
    const pushed = waitFor<KioskEventNotice>(
      proctor,
      'monitor:kiosk-event',
      3000,
      (n) => n.kind === 'answer_rejected',
    );
    expect(await call(a!.client, 'answer:save', event(a!.attemptId, 2))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await pushed).detail).toContain('不再接收答案');
    expect(rejectionRecords(running)).toMatchObject([{ code: 'CONFLICT', seq: 2 }]);
  });
});
