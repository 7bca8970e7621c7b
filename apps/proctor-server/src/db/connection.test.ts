import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDb, synchronousLevel } from './connection';
import { openStore } from './store';

describe('server database connection', () => {
  it('uses WAL and synchronous=FULL (2) on every connection that stores answers or audit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proctor-db-'));
    const store = openStore(dir);
    expect(synchronousLevel(store.db)).toBe(2);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const second = openWritableDb(join(dir, 'server.db'));
    expect(synchronousLevel(second)).toBe(2);
    second.close();
    store.close();
  });
});
