import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CancelledError, createProgress, type ProgressEvent } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { backupNow, listBackups } from '../../src/backup/backup';
import { restoreBackup } from '../../src/backup/restore';
import { DB_FILE_NAME, openStore, type Store } from '../../src/db/store';
import { seedSession } from '../support/exam-fixture';
import { assertMonotonic, lastOf } from './progress-checks';

/*
 * Backup reports the pages SQLite's backup API copies; restore reports verifying, then the
 * bytes copied. A cancelled backup leaves no file; a cancelled restore leaves the old data.
 */

let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

/** A data directory with a roster large enough for a backup of several steps (100 pages each). */
function seededStore(): { store: Store; data: string; backups: string } {
  const root = mkdtempSync(join(tmpdir(), 'backup-progress-'));
  const data = join(root, 'data');
  const store = openStore(data);
  stores.push(store);
  seedSession(store, { count: 1500, scheduledStart: Date.parse('2026-11-21T09:00:00+08:00') });
  return { store, data, backups: join(root, 'backups') };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('backup and restore progress', () => {
  it('backup: pages copied, step by step, ending at the database size', async () => {
    const { store, backups } = seededStore();
    const events: ProgressEvent[] = [];
    const path = await backupNow(store.db, backups, Date.now(), 3, {
      progress: createProgress((e) => events.push(e), { minIntervalMs: 0 }),
    });
    assertMonotonic(events);
    const last = lastOf(events, 'backing_up');
    expect(last).toMatchObject({
      finished: true,
      label: path.slice(backups.length + 1),
      unit: 'bytes',
      done: statSync(path).size,
      total: statSync(path).size,
    });
    expect(events.length).toBeGreaterThan(3); // more than 300 pages: several steps were seen
  }, 60_000);

  it('backup cancelled part-way leaves no file', async () => {
    const { store, backups } = seededStore();
    const controller = new AbortController();
    const progress = createProgress(
      (e) => {
        if (e.done > 0) controller.abort();
      },
      { minIntervalMs: 0, signal: controller.signal },
    );
    await expect(backupNow(store.db, backups, Date.now(), 3, { progress })).rejects.toBeInstanceOf(
      CancelledError,
    );
    expect(readdirSync(backups)).toEqual([]);
    expect(listBackups(backups)).toEqual([]);
  }, 60_000);

  it('restore: verifying, then bytes; cancelled mid-copy it leaves the old database', async () => {
    const { store, data, backups } = seededStore();
    const path = await backupNow(store.db, backups, Date.now(), 3);
    store.close();
    stores = [];
    const dbFile = join(data, DB_FILE_NAME);
    const before = sha256(dbFile);
    const controller = new AbortController();
    const cancelled: ProgressEvent[] = [];
    await expect(
      restoreBackup(path, data, Date.now(), {
        progress: createProgress(
          (e) => {
            cancelled.push(e);
            if (e.phase === 'restoring') controller.abort();
          },
          { minIntervalMs: 0, signal: controller.signal },
        ),
      }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(cancelled.map((e) => e.phase)).toContain('verifying');
    expect(sha256(dbFile)).toBe(before);
    expect(
      readdirSync(data).filter((name) => name.includes('restoring') || name.includes('replaced')),
    ).toEqual([]);

    const events: ProgressEvent[] = [];
    const result = await restoreBackup(path, data, Date.now(), {
      progress: createProgress((e) => events.push(e), { minIntervalMs: 0 }),
    });
    assertMonotonic(events);
    expect([...new Set(events.map((e) => e.phase))]).toEqual(['verifying', 'restoring']);
    expect(lastOf(events, 'restoring')).toMatchObject({
      done: statSync(path).size,
      total: statSync(path).size,
      finished: true,
    });
    expect(existsSync(result.previousDb ?? '')).toBe(true);
    expect(sha256(dbFile)).toBe(sha256(path));
  }, 60_000);
});
