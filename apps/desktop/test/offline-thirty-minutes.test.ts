import { join } from 'node:path';
import type { AttemptView, ExamAgentStatus, MonitorSnapshot } from '@skillexam/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExamAgent } from '../src/host/exam-agent/exam-agent';
import { openExamRoom, type ExamRoom } from './support/exam-room';
import { waitForStatus } from './support/wait-for-status';

/*
 * 30 simulated minutes offline (docs/decisions/0453-simulated-offline-time.md): the kiosk's clock
 * is injected and moved forward one minute at a time while the real server process is down;
 * the candidate keeps answering every "minute", the local countdown keeps running, the outbox
 * keeps retrying. Then the server comes back and everything is synced: the server holds every
 * answer of the outage and the countdown returns to the server's time.
 */

let room: ExamRoom;

beforeAll(async () => {
  room = await openExamRoom('offline-30-', 1);
}, 120_000);

afterAll(async () => {
  await room?.close();
});

describe('30 simulated minutes offline', () => {
  it('journals a whole half hour of answers offline and syncs all of them on reconnect', async () => {
    const { day, server, staff } = room;
    const candidate = day.candidates[0]!;
    let skewMs = 0;
    const statuses: ExamAgentStatus[] = [];
    const agent = await ExamAgent.start(
      {
        serverUrl: server.url,
        journalDir: join(room.dir, 'kiosk'),
        clientKind: 'kiosk',
        heartbeatMs: 300,
        now: () => Date.now() + skewMs,
        onStatus: (s) => statuses.push(s),
      },
      candidate.ticket,
      candidate.code,
    );
    await waitForStatus(statuses, (s) => s.connection === 'online', 'online');
    await agent.confirmIdentity();
    await staff.call('proctor:admit', { sessionId: day.sessionId });
    await staff.call('session:start', { sessionId: day.sessionId });
    await waitForStatus(statuses, (s) => s.attempt.status === 'in_progress', 'start');
    const { paper } = await agent.paper();
    const ids = paper.sections.flatMap((s) => s.items.map((i) => ({ id: i.itemId, type: i.type })));
    const startRemaining = agent.status().remainingMs ?? 0;

    await server.kill();
    await waitForStatus(statuses, (s) => s.connection === 'offline', 'offline');
    // One answer change per simulated minute, for 30 minutes, cycling through the paper.
    for (let minute = 1; minute <= 30; minute++) {
      skewMs = minute * 60_000;
      const item = ids[(minute - 1) % ids.length]!;
      agent.answer(
        item.id,
        item.type === 'true_false'
          ? { kind: 'true_false', value: minute % 2 === 0 }
          : { kind: 'choice', selected: [['A', 'B', 'C', 'D'][minute % 4]!] },
      );
      const status = agent.status();
      expect(status).toMatchObject({ save: 'offline', pending: minute });
      // The local countdown keeps running while offline.
      expect(startRemaining - (status.remainingMs ?? 0)).toBeGreaterThanOrEqual(minute * 60_000);
      expect(startRemaining - (status.remainingMs ?? 0)).toBeLessThan(minute * 60_000 + 20_000);
    }
    // Real time passes too: the outbox keeps retrying with backoff, it never gives up.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(agent.status()).toMatchObject({ save: 'offline', pending: 30 });

    // The server is back; the PC's clock is still 30 minutes ahead of it.
    await server.start();
    const synced = await waitForStatus(
      statuses,
      (s) => s.connection === 'online' && s.save === 'synced' && s.pending === 0,
      'everything synced after the outage',
      45_000,
    );
    expect(synced.attempt.status).toBe('in_progress');

    // The server holds exactly what the journal holds.
    const snapshot = (await staff.call('monitor:snapshot', {
      sessionId: day.sessionId,
    })) as MonitorSnapshot;
    const attempt = snapshot.attempts.find(
      (a: AttemptView) => a.admissionTicketNumber === candidate.ticket,
    );
    expect(attempt?.ackedSeq).toBe(30);
    const progress = snapshot.progress.find((p) => p.attemptId === attempt?.attemptId);
    expect(progress?.answered).toBe(ids.length);
    expect(agent.answers().size).toBe(ids.length);

    // Within a few heartbeats the countdown follows the server again, not the skewed PC clock.
    await waitForStatus(
      statuses,
      (s) => Math.abs(startRemaining - (s.remainingMs ?? 0)) < 5 * 60_000,
      'countdown back on server time',
      20_000,
    );
    const before = agent.status().remainingMs ?? 0;
    agent.close();

    // The PC restarts while the server is down again: the candidate logs in with the same
    // ticket and code and continues offline from the journal — paper, answers, countdown.
    await server.kill();
    skewMs = 0;
    statuses.length = 0;
    const options = {
      serverUrl: server.url,
      journalDir: join(room.dir, 'kiosk'),
      clientKind: 'kiosk' as const,
      heartbeatMs: 300,
      onStatus: (s: ExamAgentStatus) => statuses.push(s),
    };
    await expect(ExamAgent.startOrResume(options, candidate.ticket, 'WRONGCODE')).rejects.toThrow(
      /无法连接考点服务器/,
    );
    const resumed = await ExamAgent.startOrResume(options, candidate.ticket, candidate.code);
    expect(resumed.status()).toMatchObject({ connection: 'offline', content: 'sealed' });
    expect(Math.abs((resumed.status().remainingMs ?? 0) - before)).toBeLessThan(15_000);
    expect((await resumed.paper()).paper.paperId).toBe(paper.paperId);
    expect(resumed.answers().size).toBe(ids.length);
    resumed.answer(ids[0]!.id, { kind: 'true_false', value: true });
    expect(resumed.status()).toMatchObject({ save: 'offline', pending: 1 });
    await server.start();
    await waitForStatus(
      statuses,
      (s) => s.connection === 'online' && s.save === 'synced' && s.pending === 0,
      'the restarted kiosk synced',
      30_000,
    );
    resumed.close();
  }, 150_000);
});
