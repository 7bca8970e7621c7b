import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AttemptView,
  ClientEventName,
  ClientPayload,
  ExamAgentStatus,
  MonitorSnapshot,
} from '@skillexam/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveKioskSettings } from '../src/host/discovery/kiosk-settings';
import { ExamAgent } from '../src/host/exam-agent/exam-agent';
import { createExitGate } from '../src/main/exit-control';
import { makeOfflineExitHash } from '../src/main/security/exit-decision';
import type { ExamDay } from './support/exam-day';
import { openExamRoom, type ExamRoom } from './support/exam-room';
import type { ProctorServerProcess } from './support/proctor-server-process';
import { waitForStatus } from './support/wait-for-status';

/*
 * The kiosk's exam agent against the REAL proctor server process, set up through its CLI with a
 * real signed and encrypted package and roster: login, identity, admission, answers, a server
 * killed mid-exam (SIGKILL) and restarted, a kiosk restart, a move to a spare PC, submit.
 */

let room: ExamRoom;
let dir: string;
let server: ProctorServerProcess;
let day: ExamDay;

const staffCall = <E extends ClientEventName>(event: E, payload: ClientPayload<E>) =>
  room.staff.call(event, payload);

beforeAll(async () => {
  room = await openExamRoom('agent-e2e-', 2);
  ({ dir, server, day } = room);
}, 120_000);

afterAll(async () => {
  await room?.close();
});

describe('exam agent ⇄ real proctor server', () => {
  it('keeps every answer through a server power cut and a kiosk restart, then submits in sync', async () => {
    const candidate = day.candidates[0]!;
    const statuses: ExamAgentStatus[] = [];
    const options = {
      serverUrl: server.url,
      journalDir: join(dir, 'kiosk-1'),
      clientKind: 'kiosk' as const,
      enrollment: day.enrollment,
      heartbeatMs: 500,
      onStatus: (s: ExamAgentStatus) => statuses.push(s),
    };

    let agent = await ExamAgent.start(options, candidate.ticket, candidate.code);
    expect(agent.status().attempt).toMatchObject({
      admissionTicketNumber: candidate.ticket,
      name: '考生1',
    });
    expect(agent.status().attempt.maskedIdNumber).toMatch(/^110105\*+\d{3}[\dX]$/);
    await waitForStatus(statuses, (s) => s.connection === 'online', 'online');
    const identity = await agent.identity();
    expect(identity).toMatchObject({ admissionNumber: candidate.ticket, name: '考生1' });
    await agent.confirmIdentity();
    // The sealed paper is downloaded right after the identity check; the key is not released.
    await waitForStatus(statuses, (s) => s.content === 'sealed', 'sealed paper downloaded');
    await expect(agent.paper()).rejects.toThrow(/尚未发放/);
    await staffCall('proctor:admit', { sessionId: day.sessionId });
    await staffCall('session:start', { sessionId: day.sessionId });
    await waitForStatus(statuses, (s) => s.attempt.status === 'in_progress', 'exam start');

    // The server's AES-256-GCM seal opens with the kiosk's open, in memory.
    const { paper } = await agent.paper();
    expect(agent.status().content).toBe('open');
    const ids = paper.sections.flatMap((s) => s.items.map((i) => i.itemId));
    expect(ids).toHaveLength(10);
    expect(JSON.stringify(paper)).not.toMatch(/"key"|explanation/);
    for (const id of ids.slice(0, 5)) agent.answer(id, { kind: 'true_false', value: true });
    await waitForStatus(
      statuses,
      (s) => s.save === 'synced' && s.pending === 0,
      'first answers synced',
    );
    const remaining = agent.status().remainingMs ?? 0;
    expect(remaining).toBeGreaterThan(50 * 60_000);
    expect(remaining).toBeLessThanOrEqual(60 * 60_000);

    // Power cut on the server: answers keep being journaled locally.
    await server.kill();
    await waitForStatus(statuses, (s) => s.connection === 'offline', 'offline');
    for (const id of ids.slice(5, 8)) agent.answer(id, { kind: 'choice', selected: ['B'] });
    agent.setPosition(ids[7]!);
    expect(agent.status()).toMatchObject({ save: 'offline', pending: 3 });
    await server.start();
    await waitForStatus(
      statuses,
      (s) => s.connection === 'online' && s.save === 'synced' && s.pending === 0,
      'resynced after restart',
    );

    // The kiosk process dies; a new one reopens the same journal at the same question.
    agent.close();
    statuses.length = 0;
    agent = await ExamAgent.start(options, candidate.ticket, candidate.code);
    expect(agent.position()).toBe(ids[7]);
    expect(agent.answers().size).toBe(8);
    agent.answer(ids[8]!, { kind: 'choice', selected: ['C'] });
    await waitForStatus(
      statuses,
      (s) => s.connection === 'online' && s.pending === 0,
      'restarted kiosk synced',
    );

    // The candidate moves to a spare PC: an empty journal takes over the server's copy.
    agent.close();
    const spareStatuses: ExamAgentStatus[] = [];
    const spare = await ExamAgent.start(
      { ...options, journalDir: join(dir, 'kiosk-spare'), onStatus: (s) => spareStatuses.push(s) },
      candidate.ticket,
      candidate.code,
    );
    await waitForStatus(
      spareStatuses,
      (s) => s.connection === 'online' && s.save === 'synced',
      'spare PC synced',
    );
    expect(spare.answers().size).toBe(9);
    expect(spare.answers().get(ids[8]!)).toEqual({ kind: 'choice', selected: ['C'] });
    const seq = spare.answer(ids[9]!, { kind: 'choice', selected: ['A'] });
    expect(seq).toBeGreaterThan(9); // numbered above everything the server holds
    await waitForStatus(
      spareStatuses,
      (s) => s.pending === 0 && s.save === 'synced',
      'last answer synced',
    );

    // The server enforces the earliest submission time (30 minutes by default).
    await expect(spare.submit()).rejects.toThrow(/不得交卷/);
    await staffCall('proctor:force-submit', {
      attemptId: spare.status().attempt.attemptId,
      reason: '测试：提前收卷',
    });
    await waitForStatus(
      spareStatuses,
      (s) => s.attempt.status === 'force_submitted',
      'force-submitted',
    );
    // Reconciled with the server's state hash, the journal is gone.
    expect(await spare.reconcile()).toBe(true);
    expect(readdirSync(join(dir, 'kiosk-spare')).filter((f) => f.endsWith('.journal.db'))).toEqual(
      [],
    );
    expect(existsSync(join(dir, 'kiosk-1'))).toBe(true);
    spare.close();
  }, 120_000);

  it('lets a proctor leave the kiosk with the password the server knows, and nobody else', async () => {
    const quits: string[] = [];
    const gate = createExitGate({
      settingsFile: join(dir, 'exit-settings.json'),
      enrollment: day.enrollment,
      quit: (who, via) => quits.push(`${who}/${via}`),
    });
    await expect(
      gate({ username: day.staff.username, password: 'wrong-password' }, server.url),
    ).rejects.toThrow();
    expect(quits).toEqual([]);
    await gate({ username: day.staff.username, password: day.staff.password }, server.url);
    expect(quits).toEqual([`${day.staff.username}/server`]);
  });

  it('falls back to the offline exit hash only when the server cannot be reached', async () => {
    const settingsFile = join(dir, 'offline-exit.json');
    saveKioskSettings(settingsFile, {
      offlineExitHash: makeOfflineExitHash('离线退出-2026', randomBytes(16), 2 ** 14),
    });
    const quits: string[] = [];
    const gate = createExitGate({
      settingsFile,
      enrollment: day.enrollment,
      quit: (who, via) => quits.push(`${who}/${via}`),
    });
    const nowhere = 'http://127.0.0.1:9';
    await expect(gate({ username: 'x', password: 'guess' }, nowhere)).rejects.toThrow(
      /离线退出密码不正确/,
    );
    // The server is reachable and refuses: the offline password does not count there.
    await expect(gate({ username: 'x', password: '离线退出-2026' }, server.url)).rejects.toThrow();
    expect(quits).toEqual([]);
    await gate({ username: 'x', password: '离线退出-2026' }, nowhere);
    expect(quits).toEqual(['offline/offline-hash']);
  });
});

/*
 * 30 simulated minutes offline (docs/decisions/0453-simulated-offline-time.md): the kiosk's clock
 * is injected and moved forward one minute at a time while the real server process is down;
 * the candidate keeps answering every "minute", the local countdown keeps running, the outbox
 * keeps retrying. Then the server comes back and everything is synced: the server holds every
 * answer of the outage and the countdown returns to the server's time. Then the PC restarts
 * while the server is down again and resumes from its journal (docs/decisions/0455).
 */
describe('30 simulated minutes offline', () => {
  it('journals a whole half hour of answers offline and syncs all of them on reconnect', async () => {
    const { staff } = room;
    const candidate = day.candidates[1]!;
    let skewMs = 0;
    const statuses: ExamAgentStatus[] = [];
    const agent = await ExamAgent.start(
      {
        serverUrl: server.url,
        journalDir: join(room.dir, 'kiosk-offline'),
        clientKind: 'kiosk',
        enrollment: day.enrollment,
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
    const { session } = (await staff.call('monitor:snapshot', {
      sessionId: day.sessionId,
    })) as MonitorSnapshot;
    // The first test of this file may have started the session already.
    if (session.status !== 'running') {
      await staff.call('session:start', { sessionId: day.sessionId });
    }
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
      journalDir: join(room.dir, 'kiosk-offline'),
      clientKind: 'kiosk' as const,
      enrollment: day.enrollment,
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
