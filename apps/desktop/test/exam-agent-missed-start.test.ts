import { join } from 'node:path';
import type { ExamAgentStatus } from '@skillexam/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExamAgent } from '../src/host/exam-agent/exam-agent';
import { openExamRoom, type ExamRoom } from './support/exam-room';
import { startNetworkCable, type NetworkCable } from './support/network-cable';
import { waitForStatus } from './support/wait-for-status';

/*
 * 开考 reaches a kiosk as a push (`attempt:changed`) on its own connection. A PC whose cable
 * is out at that moment never gets that push — the server does not replay pushes — and used to
 * wait for it forever: 试卷尚未发放 while everyone else was writing. The agent now reads the
 * attempt's state after every (re)connect and before refusing the paper.
 */

let room: ExamRoom;
let cable: NetworkCable | undefined;

beforeAll(async () => {
  room = await openExamRoom('agent-missed-start-', 1);
}, 120_000);

afterAll(async () => {
  await cable?.close();
  await room?.close();
});

describe('exam agent ⇄ real proctor server: a start the kiosk did not hear', () => {
  it('starts and opens the paper after reconnecting, although the start push was lost', async () => {
    const { day, server, staff } = room;
    const candidate = day.candidates[0]!;
    cable = await startNetworkCable(server.url);
    const statuses: ExamAgentStatus[] = [];
    const agent = await ExamAgent.start(
      {
        serverUrl: cable.url,
        journalDir: join(room.dir, 'kiosk-missed-start'),
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
      await waitForStatus(statuses, (s) => s.attempt.status === 'admitted', 'admitted');

      cable.unplug();
      await waitForStatus(statuses, (s) => s.connection === 'offline', 'cable out');
      await staff.call('session:start', { sessionId: day.sessionId });
      await expect(agent.paper()).rejects.toThrow(/尚未发放/); // offline: it cannot know yet
      cable.plugIn();

      await waitForStatus(
        statuses,
        (s) => s.connection === 'online' && s.attempt.status === 'in_progress',
        'the start, learnt after reconnecting',
      );
      const { paper } = await agent.paper();
      expect(paper.sections.flatMap((s) => s.items)).toHaveLength(10);
      expect(agent.status().content).toBe('open');
    } finally {
      agent.close();
    }
  }, 90_000);
});
