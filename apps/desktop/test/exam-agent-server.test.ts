import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClientToServerEvents, ExamAgentStatus } from '@skillexam/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveKioskSettings } from '../src/host/discovery/kiosk-settings';
import { ExamAgent } from '../src/host/exam-agent/exam-agent';
import { createExitGate } from '../src/main/exit-control';
import { makeOfflineExitHash } from '../src/main/security/exit-decision';
import type { ExamDay } from './support/exam-day';
import { openExamRoom, type ExamRoom } from './support/exam-room';
import type { ProctorServerProcess } from './support/proctor-server-process';

/*
 * The kiosk's exam agent against the REAL proctor server process, set up through its CLI with a
 * real signed and encrypted package and roster: login, identity, admission, answers, a server
 * killed mid-exam (SIGKILL) and restarted, a kiosk restart, a move to a spare PC, submit.
 */

let room: ExamRoom;
let dir: string;
let server: ProctorServerProcess;
let day: ExamDay;

const staffCall = (event: keyof ClientToServerEvents, payload: unknown) =>
  room.staff.call(event, payload);

/** Resolves when the agent's latest reported status matches `predicate`. */
function until(
  statuses: ExamAgentStatus[],
  predicate: (s: ExamAgentStatus) => boolean,
  what: string,
  ms = 20_000,
) {
  return new Promise<ExamAgentStatus>((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      const last = statuses.at(-1);
      if (last !== undefined && predicate(last)) return resolve(last);
      if (Date.now() - started > ms) {
        return reject(new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`));
      }
      setTimeout(check, 50);
    };
    check();
  });
}

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
      heartbeatMs: 500,
      onStatus: (s: ExamAgentStatus) => statuses.push(s),
    };

    let agent = await ExamAgent.start(options, candidate.ticket, candidate.code);
    expect(agent.status().attempt).toMatchObject({
      admissionTicketNumber: candidate.ticket,
      name: '考生1',
    });
    expect(agent.status().attempt.maskedIdNumber).toMatch(/^110105\*+\d{3}[\dX]$/);
    await until(statuses, (s) => s.connection === 'online', 'online');
    const identity = await agent.identity();
    expect(identity).toMatchObject({ admissionNumber: candidate.ticket, name: '考生1' });
    await agent.confirmIdentity();
    // The sealed paper is downloaded right after the identity check; the key is not released.
    await until(statuses, (s) => s.content === 'sealed', 'sealed paper downloaded');
    await expect(agent.paper()).rejects.toThrow(/尚未发放/);
    await staffCall('proctor:admit', { sessionId: day.sessionId });
    await staffCall('session:start', { sessionId: day.sessionId });
    await until(statuses, (s) => s.attempt.status === 'in_progress', 'exam start');

    // The server's AES-256-GCM seal opens with the kiosk's open, in memory.
    const { paper } = await agent.paper();
    expect(agent.status().content).toBe('open');
    const ids = paper.sections.flatMap((s) => s.items.map((i) => i.itemId));
    expect(ids).toHaveLength(10);
    expect(JSON.stringify(paper)).not.toMatch(/"key"|explanation/);
    for (const id of ids.slice(0, 5)) agent.answer(id, { kind: 'true_false', value: true });
    await until(statuses, (s) => s.save === 'synced' && s.pending === 0, 'first answers synced');
    const remaining = agent.status().remainingMs ?? 0;
    expect(remaining).toBeGreaterThan(50 * 60_000);
    expect(remaining).toBeLessThanOrEqual(60 * 60_000);

    // Power cut on the server: answers keep being journaled locally.
    await server.kill();
    await until(statuses, (s) => s.connection === 'offline', 'offline');
    for (const id of ids.slice(5, 8)) agent.answer(id, { kind: 'choice', selected: ['B'] });
    agent.setPosition(ids[7]!);
    expect(agent.status()).toMatchObject({ save: 'offline', pending: 3 });
    await server.start();
    await until(
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
    await until(
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
    await until(
      spareStatuses,
      (s) => s.connection === 'online' && s.save === 'synced',
      'spare PC synced',
    );
    expect(spare.answers().size).toBe(9);
    expect(spare.answers().get(ids[8]!)).toEqual({ kind: 'choice', selected: ['C'] });
    const seq = spare.answer(ids[9]!, { kind: 'choice', selected: ['A'] });
    expect(seq).toBeGreaterThan(9); // numbered above everything the server holds
    await until(spareStatuses, (s) => s.pending === 0 && s.save === 'synced', 'last answer synced');

    // The server enforces the earliest submission time (30 minutes by default).
    await expect(spare.submit()).rejects.toThrow(/不得交卷/);
    await staffCall('proctor:force-submit', {
      attemptId: spare.status().attempt.attemptId,
      reason: '测试：提前收卷',
    });
    await until(spareStatuses, (s) => s.attempt.status === 'force_submitted', 'force-submitted');
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
    const gate = createExitGate({ settingsFile, quit: (who, via) => quits.push(`${who}/${via}`) });
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
