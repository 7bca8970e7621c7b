import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgressEvent } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../src/jobs/job';
import { seedSession } from '../support/exam-fixture';
import { START } from '../support/running-session';
import { endedSession, type EndedSession } from './ended-session';
import { jobClient, pollJob } from './job-client';
import { assertMonotonic } from './progress-checks';

/*
 * The job routes on a real server (port 0): an exam admin starts a results export and a backup,
 * follows them by polling, downloads each file, cancels one; proctors, supervisors and other
 * admins see nothing of it.
 */

const CANDIDATES = 60;

let room: EndedSession | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
});

/** Every event seen over the polls, in order, phase by phase. */
function eventsOf(views: readonly JobView[]): ProgressEvent[] {
  return views.flatMap((view) => view.phases);
}

describe('jobs over HTTP', () => {
  it('runs a results export with progress from the work, then serves each file', async () => {
    room = await endedSession(CANDIDATES, { settings: {} });
    const { server, seeded } = room;
    const admin = jobClient(server.url, await server.staffToken('admin', 'admin1'));
    const started = await admin.exportResults(seeded.sessionId);
    expect(started.status).toBe(200);
    const id = started.data?.id ?? '';
    expect(started.data).toMatchObject({ kind: 'results-export', status: 'running' });
    // one export of a session at a time
    expect((await admin.exportResults(seeded.sessionId)).error?.code).toBe('CONFLICT');
    const seen: JobView[] = [];
    const done = await pollJob(admin, id, (job) => job.status === 'succeeded', seen);
    assertMonotonic(eventsOf(seen));
    const sheets = done.phases.find((p) => p.label === `考生答卷-${seeded.sessionId}.pdf`);
    expect(sheets).toMatchObject({
      phase: 'rendering',
      done: CANDIDATES,
      total: CANDIDATES,
      finished: true,
    });
    expect(done.phases.every((p) => p.finished === true && p.done === (p.total ?? p.done))).toBe(
      true,
    );
    // the polls saw the answer sheets part-way at least once
    const partial = eventsOf(seen).filter((p) => p.label === sheets?.label);
    expect(partial.some((p) => p.done > 0 && p.done < CANDIDATES)).toBe(true);
    expect(done.files.map((f) => f.name).sort()).toEqual(
      [
        `成绩汇总表-${seeded.sessionId}.xlsx`,
        `考生答卷-${seeded.sessionId}.pdf`,
        `results-${seeded.sessionId}.json`,
        `考场情况记录-${seeded.sessionId}.pdf`,
        `item-analysis-${seeded.sessionId}.json`,
        `responses-${seeded.sessionId}.csv`,
      ].sort(),
    );
    for (const file of done.files) {
      const res = await admin.file(id, file.name);
      expect(res.status, file.name).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(bytes.byteLength, file.name).toBe(file.bytes);
      if (file.name.endsWith('.pdf'))
        expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    }
    const pkg = done.files.find((f) => f.name.startsWith('results-'));
    const envelope = (await (await admin.file(id, pkg?.name ?? '')).json()) as {
      payload: { candidates: unknown[] };
    };
    expect(envelope.payload.candidates).toHaveLength(CANDIDATES);
    expect((await admin.file(id, '../server.db')).status).toBe(404);
    expect((await admin.list()).data?.map((j) => j.id)).toEqual([id]);
  }, 60_000);

  it('cancels an export mid-way: status cancelled, no files', async () => {
    room = await endedSession(CANDIDATES);
    const { server, seeded } = room;
    const admin = jobClient(server.url, await server.staffToken('admin', 'admin1'));
    const id = (await admin.exportResults(seeded.sessionId)).data?.id ?? '';
    await pollJob(admin, id, (job) => job.current?.phase === 'rendering' && job.current.done > 0);
    const cancelled = await admin.cancel(id);
    expect(cancelled.status).toBe(200);
    const end = await pollJob(admin, id, (job) => job.status !== 'running');
    expect(end).toMatchObject({ status: 'cancelled', files: [], error: { code: 'CANCELLED' } });
    expect(end.current?.done).toBeLessThan(CANDIDATES);
    // the next export of the session may start
    const again = await admin.exportResults(seeded.sessionId);
    expect(again.data?.status).toBe('running');
    await pollJob(admin, again.data?.id ?? '', (job) => job.status === 'succeeded');
  }, 60_000);

  it('backs up with the bytes copied; the backup file downloads', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'job-backup-')), 'data');
    const { openStore } = await import('../../src/db/store');
    room = await endedSession(CANDIDATES, {
      store: openStore(dataDir, { now: () => Date.parse('2026-11-21T08:50:00+08:00') }),
    });
    const admin = jobClient(room.server.url, await room.server.staffToken('admin', 'admin1'));
    const id = (await admin.backup()).data?.id ?? '';
    const seen: JobView[] = [];
    const done = await pollJob(admin, id, (job) => job.status === 'succeeded', seen);
    assertMonotonic(eventsOf(seen));
    const [pages] = done.phases;
    expect(pages).toMatchObject({ phase: 'backing_up', unit: 'bytes', finished: true });
    expect(pages?.done).toBe(pages?.total);
    const [file] = done.files;
    expect(file?.name).toMatch(/^server-\d{8}T\d{9}Z\.db$/);
    const res = await admin.file(id, file?.name ?? '');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 15))).toBe('SQLite format 3');
    expect(bytes.byteLength).toBe(pages?.total);
    expect(file?.bytes).toBe(pages?.total);
  }, 60_000);

  it('refuses proctors and supervisors, hides a job from other admins, names bad input', async () => {
    room = await endedSession(2);
    const { server, seeded } = room;
    const admin = jobClient(server.url, await server.staffToken('admin', 'admin1'));
    const other = jobClient(server.url, await server.staffToken('admin', 'admin2'));
    const proctor = jobClient(server.url, await server.staffToken('proctor', 'proctor2'));
    const supervisor = jobClient(server.url, await server.staffToken('supervisor'));
    const id = (await admin.exportResults(seeded.sessionId)).data?.id ?? '';
    for (const client of [proctor, supervisor]) {
      expect((await client.exportResults(seeded.sessionId)).status).toBe(403);
      expect((await client.backup()).status).toBe(403);
      expect((await client.get(id)).status).toBe(403);
      expect((await client.cancel(id)).status).toBe(403);
      expect((await client.list()).status).toBe(403);
    }
    const done = await pollJob(admin, id, (job) => job.status === 'succeeded');
    const name = done.files[0]?.name ?? '';
    expect((await proctor.file(id, name)).status).toBe(403);
    // another admin: as if the job did not exist
    expect((await other.get(id)).error?.code).toBe('NOT_FOUND');
    expect((await other.cancel(id)).error?.code).toBe('NOT_FOUND');
    expect((await other.file(id, name)).status).toBe(404);
    expect((await other.list()).data).toEqual([]);
    // bad input is named
    expect((await admin.exportResults('no such/session')).error?.message).toMatch(/sessionId/);
    expect((await admin.exportResults('session-x')).error?.code).toBe('NOT_FOUND');
    // an in-memory server has no backup folder
    expect((await admin.backup()).error?.code).toBe('UNAVAILABLE');
  }, 60_000);

  it('withholds a results export while a session of the exam has not ended', async () => {
    room = await endedSession(1);
    const { server } = room;
    seedSession(server.components.store, {
      count: 1,
      scheduledStart: START + 3_600_000,
      sessionId: 'session-2',
      examId: 'exam-2',
      ticketPrefix: 'U',
    });
    const admin = jobClient(server.url, await server.staffToken('admin', 'admin1'));
    const refused = await admin.exportResults('session-2');
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toMatch(/answer key withheld/);
    expect((await admin.list()).data).toEqual([]);
  }, 60_000);
});
