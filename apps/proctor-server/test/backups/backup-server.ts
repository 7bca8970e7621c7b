import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/db/store';
import { TestClock } from '../support/clock';
import { seedSession, type SeededSession } from '../support/exam-fixture';
import { okData, START } from '../support/running-session';
import { call, startTestServer, type TestServer } from '../support/util';
import { jobClient, pollJob } from '../jobs/job-client';

/* A server on a real data directory with its own backup folder, after an ended session. */

export interface BackupServer {
  readonly server: TestServer;
  readonly clock: TestClock;
  readonly seeded: SeededSession;
  readonly dataDir: string;
  readonly backupDir: string;
}

/** `ended`: the session started and ended (else it is still running). */
export async function backupServer(
  options: { ended?: boolean; root?: string } = {},
): Promise<BackupServer> {
  const root = options.root ?? mkdtempSync(join(tmpdir(), 'backups-'));
  const dataDir = join(root, 'data');
  const backupDir = join(root, 'backups');
  const clock = new TestClock(START - 10 * 60_000);
  const server = await startTestServer({
    now: clock.now,
    store: openStore(dataDir, { headWitnessIntervalMs: 0, now: clock.now }),
    settings: { backupDir, backupKeep: 5 },
  });
  const seeded = seedSession(server.components.store, {
    count: 8,
    scheduledStart: START,
    now: clock.now(),
  });
  const proctor = await server.staffClient('proctor', 'proctor1');
  server.assignProctors(seeded.sessionId, ['proctor1']);
  // one candidate sits the exam and answers one item; the others are absent
  const sitting = seeded.candidates[0]!;
  const candidate = await server.candidateClient(sitting.admissionTicketNumber, sitting.examCode);
  okData(await call(candidate.client, 'attempt:confirm-identity', {}));
  okData(await call(proctor, 'proctor:admit', { sessionId: seeded.sessionId }));
  clock.current = START;
  okData(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));
  okData(
    await call(candidate.client, 'answer:save', {
      attemptId: candidate.attemptId,
      seq: 1,
      itemId: 'tf1',
      value: { kind: 'true_false', value: false },
      clientTime: new Date(clock.now()).toISOString(),
    }),
  );
  clock.advanceMinutes(5);
  if (options.ended !== false)
    okData(await call(proctor, 'session:end', { sessionId: seeded.sessionId, reason: '考试结束' }));
  return { server, clock, seeded, dataDir, backupDir };
}

/** `GET path` with the bearer token: status and the envelope. */
export async function getJson(url: string, token: string, path: string) {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    body: (await res.json()) as {
      ok: boolean;
      data?: unknown;
      error?: { code: string; message: string };
    },
  };
}

/** A backup now, as the console starts it (the job), waited for. */
export async function backUpNow(url: string, token: string): Promise<string> {
  const jobs = jobClient(url, token);
  const started = await jobs.backup();
  const done = await pollJob(jobs, started.data?.id ?? '', (job) => job.status === 'succeeded');
  return done.files[0]?.name ?? '';
}
