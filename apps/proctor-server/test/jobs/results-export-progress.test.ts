import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError, createProgress, type ProgressEvent } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { exportResults } from '../../src/export/results-export';
import { endedSession, type EndedSession } from './ended-session';
import { assertMonotonic, lastOf } from './progress-checks';

/*
 * The results export reports from the work itself: per phase, per candidate answer sheet with
 * the file's name as label; a cancel mid-export leaves no file at all.
 */

const CANDIDATES = 40;

let room: EndedSession | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
});

function exportInto(outDir: string, progress: ReturnType<typeof createProgress>) {
  if (room === undefined) throw new Error('no session');
  return exportResults(room.server.components.store, {
    sessionId: room.seeded.sessionId,
    outDir,
    siteName: '考点',
    occupationAndLevel: '电工（四级）',
    now: new Date('2026-11-21T03:00:00Z'),
    progress,
  });
}

describe('results export progress', () => {
  it('reports every phase, per candidate, monotonic and ending at the totals', async () => {
    room = await endedSession(CANDIDATES);
    const events: ProgressEvent[] = [];
    const outDir = join(mkdtempSync(join(tmpdir(), 'export-progress-')), 'out');
    const files = await exportInto(
      outDir,
      createProgress((e) => events.push(e), { minIntervalMs: 0 }),
    );
    assertMonotonic(events);
    const sheets = `考生答卷-${room.seeded.sessionId}.pdf`;
    const rendering = events.filter((e) => e.phase === 'rendering' && e.label === sheets);
    // one event per candidate, plus the first (0) and the final one
    expect(rendering.map((e) => e.done)).toEqual([
      ...Array.from({ length: CANDIDATES + 1 }, (_, i) => i),
      CANDIDATES,
    ]);
    expect(lastOf(events, 'rendering', sheets)).toMatchObject({
      done: CANDIDATES,
      total: CANDIDATES,
      finished: true,
    });
    expect(lastOf(events, 'reading')).toMatchObject({ done: CANDIDATES, total: CANDIDATES });
    const phases = [...new Set(events.map((e) => `${e.phase}:${e.label ?? ''}`))];
    expect(phases).toEqual([
      'verifying:',
      'reading:',
      `writing:成绩汇总表-${room.seeded.sessionId}.xlsx`,
      `rendering:${sheets}`,
      `packaging:results-${room.seeded.sessionId}.json`,
      `analysing:item-analysis-${room.seeded.sessionId}.json`,
      `rendering:考场情况记录-${room.seeded.sessionId}.pdf`,
    ]);
    // every phase ended; the files named by the phases are the files written
    for (const phase of phases) {
      const [id, label] = phase.split(':') as [ProgressEvent['phase'], string];
      expect(lastOf(events, id, label || undefined)?.finished, phase).toBe(true);
    }
    expect(files.candidates).toBe(CANDIDATES);
    expect(readdirSync(outDir).sort()).toEqual(
      [
        files.scoreSummary,
        files.answerSheets,
        files.resultsPackage,
        files.incidentRecord,
        files.itemStatistics,
        files.responses,
      ]
        .map((f) => f.slice(outDir.length + 1))
        .sort(),
    );
  }, 60_000);

  it('cancelled mid-way through the answer sheets, it leaves no file and no folder', async () => {
    room = await endedSession(CANDIDATES);
    const parent = mkdtempSync(join(tmpdir(), 'export-cancel-'));
    const outDir = join(parent, 'out');
    const controller = new AbortController();
    const events: ProgressEvent[] = [];
    const progress = createProgress(
      (e) => {
        events.push(e);
        if (e.phase === 'rendering' && e.done === 5) controller.abort();
      },
      { minIntervalMs: 0, signal: controller.signal },
    );
    await expect(exportInto(outDir, progress)).rejects.toBeInstanceOf(CancelledError);
    expect(events.at(-1)).toMatchObject({ phase: 'rendering', done: 5 });
    expect(existsSync(outDir)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  }, 60_000);

  it('cancelled into an existing folder, it leaves the folder as it was', async () => {
    room = await endedSession(3);
    const outDir = mkdtempSync(join(tmpdir(), 'export-cancel-existing-'));
    const controller = new AbortController();
    const progress = createProgress(
      (e) => {
        if (e.phase === 'packaging') controller.abort();
      },
      { minIntervalMs: 0, signal: controller.signal },
    );
    await expect(exportInto(outDir, progress)).rejects.toBeInstanceOf(CancelledError);
    expect(readdirSync(outDir)).toEqual([]);
  }, 60_000);
});
