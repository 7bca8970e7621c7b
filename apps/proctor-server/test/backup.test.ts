import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { backupNow, listBackups, scheduleBackups } from '../src/backup/backup';
import { checkBackup, PID_FILE_NAME, restoreBackup, RestoreError } from '../src/backup/restore';
import { openStore, type Store } from '../src/db/store';
import { AnswerCollector } from '../src/answers/answer-collector';
import { seedSession } from './support/exam-fixture';

let stores: Store[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

function dirs() {
  const root = mkdtempSync(join(tmpdir(), 'proctor-backup-'));
  return { data: join(root, 'data'), backups: join(root, 'backups') };
}

function table(store: Store, sql: string): unknown[] {
  return store.db.prepare(sql).all();
}

describe('online backup and restore', () => {
  it('backs up while answers are being written; restore gives the same data and a valid audit chain', async () => {
    const { data, backups } = dirs();
    const store = openStore(data);
    stores.push(store);
    const seeded = seedSession(store, { count: 5, scheduledStart: Date.now() });
    store.db.prepare("UPDATE attempts SET status = 'in_progress'").run();
    const collector = new AnswerCollector(
      store.db,
      store.audit,
      Date.now,
      pino({ level: 'silent' }),
      { flushDelayMs: 1, maxBatch: 50 },
    );
    let seq = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        seq += 1;
        await Promise.all(
          seeded.candidates.map((c) =>
            collector.enqueue({
              attemptId: c.attemptId,
              seq,
              itemId: 'tf1',
              value: { kind: 'true_false', value: seq % 2 === 0 },
              clientTime: new Date().toISOString(),
            }),
          ),
        );
      }
    })();
    await new Promise((r) => setTimeout(r, 30));
    const path = await backupNow(store.db, backups, Date.now(), 3);
    writing = false;
    await writer;
    collector.close();
    expect(checkBackup(path)).toMatchObject({ integrity: 'ok', audit: { ok: true } });

    // more backups: only the newest 3 stay
    for (let i = 1; i <= 3; i++) await backupNow(store.db, backups, Date.now() + i * 1000, 3);
    expect(listBackups(backups)).toHaveLength(3);

    const latest = listBackups(backups).at(-1)!;
    const expected = [
      table(store, 'SELECT * FROM answer_events ORDER BY attempt_id, seq'),
      table(store, 'SELECT * FROM audit_log ORDER BY seq'),
    ];
    store.close();
    stores = [];
    const result = await restoreBackup(latest, data, Date.now());
    expect(result.previousDb).toBeDefined();
    expect(existsSync(result.previousDb!)).toBe(true);
    const restored = openStore(data);
    stores.push(restored);
    expect([
      table(restored, 'SELECT * FROM answer_events ORDER BY attempt_id, seq'),
      table(restored, 'SELECT * FROM audit_log ORDER BY seq'),
    ]).toEqual(expected);
  });

  it('refuses to restore under a running server or from a backup with a broken audit chain', async () => {
    const { data, backups } = dirs();
    const store = openStore(data);
    stores.push(store);
    seedSession(store, { count: 1, scheduledStart: Date.now() });
    const path = await backupNow(store.db, backups, Date.now(), 5);
    writeFileSync(join(data, PID_FILE_NAME), String(process.pid)); // this test process stands in for a live server
    await expect(restoreBackup(path, data, Date.now())).rejects.toThrow(RestoreError);
    await expect(restoreBackup(path, data, Date.now())).rejects.toThrow(/正在运行/);
    writeFileSync(join(data, PID_FILE_NAME), '999999999'); // a stale pid file does not block

    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path);
    db.exec("UPDATE audit_log SET action = 'forged' WHERE seq = 1");
    db.close();
    await expect(restoreBackup(path, data, Date.now())).rejects.toThrow(/audit chain/);
  });

  it('backs up on a schedule while the server runs', async () => {
    const { data, backups } = dirs();
    const store = openStore(data);
    stores.push(store);
    let clock = Date.parse('2026-11-21T01:00:00Z');
    const schedule = scheduleBackups(
      store.db,
      backups,
      40,
      2,
      () => (clock += 1000),
      pino({ level: 'silent' }),
    );
    await new Promise((r) => setTimeout(r, 400));
    schedule.stop();
    await new Promise((r) => setTimeout(r, 100));
    const files = listBackups(backups);
    expect(files).toHaveLength(2); // several ran, the newest two are kept
    expect(checkBackup(files[1]!)).toMatchObject({ integrity: 'ok', audit: { ok: true } });
  });
});
