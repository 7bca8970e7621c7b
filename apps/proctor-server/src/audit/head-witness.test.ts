import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../db/store';
import { transaction } from '@skillexam/shared/sql';
import { headWitnessPath, readChainHead } from './head-witness';

function append(store: ReturnType<typeof openStore>, count: number): void {
  transaction(store.db, () => {
    for (let i = 0; i < count; i++)
      store.audit.append(
        store.db,
        { actor: 'system', action: 'test.step', payload: { i } },
        1_000 + i,
      );
  });
}

describe('checkpoints and the chain-head witness', () => {
  it('signs exactly the last record of each write transaction', () => {
    const store = openStore(':memory:');
    append(store, 5);
    append(store, 1);
    append(store, 3);
    const rows = store.db.prepare('SELECT seq FROM audit_checkpoints ORDER BY seq').all();
    expect(rows).toEqual([{ seq: 5 }, { seq: 6 }, { seq: 9 }]);
    store.close();
  });

  it('writes audit-head.json (0600) within the interval and at close, only forward', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'witness-')), 'data');
    const store = openStore(dir, { headWitnessIntervalMs: 10 });
    append(store, 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readChainHead(headWitnessPath(dir))).toMatchObject({ seq: 3 });
    expect((statSync(headWitnessPath(dir)).mode & 0o777).toString(8)).toBe('600');
    append(store, 2);
    store.close();
    expect(readChainHead(headWitnessPath(dir))).toMatchObject({ seq: 5 });

    // the tail is cut behind the server's back: the witness stays where it was, as evidence
    const db = new Database(join(dir, 'server.db'));
    db.pragma('foreign_keys = OFF');
    db.exec('DELETE FROM audit_log WHERE seq > 2; DELETE FROM audit_checkpoints WHERE seq > 2');
    db.close();
    const conflicts: string[] = [];
    const reopened = openStore(dir, { onHeadConflict: (m) => conflicts.push(m) });
    append(reopened, 10);
    reopened.close();
    expect(readChainHead(headWitnessPath(dir))).toMatchObject({ seq: 5 });
    expect(conflicts[0]).toContain('#5');
  });
});
