import { join } from 'node:path';
import type { AttemptView, ExamAgentStatus, MonitorSnapshot, Timeline } from '@skillexam/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExamAgent } from '../src/host/exam-agent/exam-agent';
import { openExamRoom, type ExamRoom } from './support/exam-room';
import { waitForStatus } from './support/wait-for-status';

/*
 * The kiosk's exam agent against the REAL proctor server process (docs/decisions/0225, 0228):
 * an answer given while the proctor has paused the candidate is held in the journal (not shown
 * as offline, not dropped) and delivered after the resume; an answer the server refuses for good
 * is shown as refused, stays in the journal, and appears on the console's candidate timeline.
 */

let room: ExamRoom;

beforeAll(async () => {
  room = await openExamRoom('agent-pause-', 1);
}, 120_000);

afterAll(async () => {
  await room?.close();
});

async function serverAckedSeq(attemptId: string): Promise<number | undefined> {
  const snapshot = (await room.staff.call('monitor:snapshot', {
    sessionId: room.day.sessionId,
  })) as MonitorSnapshot;
  return snapshot.attempts.find((a: AttemptView) => a.attemptId === attemptId)?.ackedSeq;
}

describe('exam agent ⇄ real proctor server: pauses and refusals', () => {
  it('holds an answer during a pause, sends it after the resume, and shows a refusal as a refusal', async () => {
    const { day, server, staff } = room;
    const candidate = day.candidates[0]!;
    const statuses: ExamAgentStatus[] = [];
    const agent = await ExamAgent.start(
      {
        serverUrl: server.url,
        journalDir: join(room.dir, 'kiosk-pause'),
        clientKind: 'kiosk',
        enrollment: day.enrollment,
        heartbeatMs: 500,
        onStatus: (s) => statuses.push(s),
      },
      candidate.ticket,
      candidate.code,
    );
    try {
      await waitForStatus(statuses, (s) => s.connection === 'online', 'online');
      await agent.confirmIdentity();
      await staff.call('proctor:admit', { sessionId: day.sessionId });
      await staff.call('session:start', { sessionId: day.sessionId });
      await waitForStatus(statuses, (s) => s.attempt.status === 'in_progress', 'exam start');
      const { paper } = await agent.paper();
      const ids = paper.sections.flatMap((s) => s.items.map((i) => i.itemId));
      const tf = ids.filter((id) => id.startsWith('tf'));
      const attemptId = agent.status().attempt.attemptId;

      agent.answer(tf[0]!, { kind: 'true_false', value: true });
      await waitForStatus(statuses, (s) => s.save === 'synced' && s.pending === 0, 'first answer');

      await staff.call('proctor:pause', { attemptId, reason: '设备检查' });
      await waitForStatus(statuses, (s) => s.attempt.status === 'paused', 'paused');
      // typed just before the pause reached the kiosk: journaled, held, not sent
      agent.answer(tf[1]!, { kind: 'true_false', value: false });
      const held = await waitForStatus(statuses, (s) => s.save === 'held', 'held while paused');
      expect(held).toMatchObject({ connection: 'online', pending: 1 });
      expect(held.saveRejection).toBeUndefined();
      expect(await serverAckedSeq(attemptId)).toBe(1);

      await staff.call('proctor:resume', { attemptId });
      await waitForStatus(
        statuses,
        (s) => s.attempt.status === 'in_progress' && s.save === 'synced' && s.pending === 0,
        'held answer delivered after the resume',
        10_000,
      );
      expect(await serverAckedSeq(attemptId)).toBe(2);

      // an answer the server can never take (no such item in the paper)
      agent.answer('no-such-item', { kind: 'true_false', value: true });
      const rejected = await waitForStatus(statuses, (s) => s.save === 'rejected', 'refusal');
      expect(rejected).toMatchObject({
        connection: 'online',
        pending: 1,
        saveRejection: { code: 'NOT_FOUND', seq: 3, itemId: 'no-such-item' },
      });
      expect(rejected.saveRejection?.message).toContain('no-such-item');
      expect(agent.status().save).not.toBe('offline');
      const timeline = (await staff.call('console:timeline', { attemptId })) as Timeline;
      expect(timeline.entries.filter((e) => e.kind === 'answer.rejected')).toHaveLength(1);
      expect(await serverAckedSeq(attemptId)).toBe(2);
    } finally {
      agent.close();
    }
  }, 120_000);
});
