import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { WritableDb } from '@skillexam/shared/sql';
import { createMemoryDb, insertRows, migrateTo, readRows } from '../test-helpers';

const SECRET = 'S3cretS3cretS3cretS3cretS3cretS3cretS3cret=';
const publicKey = (): string =>
  generateKeyPairSync('ed25519')
    .publicKey.export({ format: 'der', type: 'spki' })
    .toString('base64');

let dir: string | undefined;
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('migration 0140 kiosk-public-keys', () => {
  it('drops the shared secrets and leaves old kiosks without a key (to be re-enrolled)', () => {
    const db = createMemoryDb();
    migrateTo(db, 110);
    const kiosk = { name: 'PC-01', secret_b64: SECRET, enrolled_at: 1, enrolled_by: 'cli:a' };
    insertRows(db, 'kiosks', [{ id: 'kiosk-0001', ...kiosk }]);
    migrateTo(db, 140);
    const [row] = readRows(db, 'kiosks');
    expect(row).toMatchObject({ id: 'kiosk-0001', name: 'PC-01', public_key_b64: null });
    expect(row).not.toHaveProperty('secret_b64');
    // a new enrollment stores an Ed25519 public key (SPKI DER, base64) and nothing else
    const fresh = { name: 'PC-02', enrolled_at: 2, enrolled_by: 'cli:a' };
    insertRows(db, 'kiosks', [{ id: 'kiosk-0002', ...fresh, public_key_b64: publicKey() }]);
    expect(() =>
      insertRows(db, 'kiosks', [
        { id: 'kiosk-0003', ...fresh, name: 'PC-03', public_key_b64: SECRET },
      ]),
    ).toThrow(/CHECK/);
    expect(readRows(db, 'kiosks')).toHaveLength(2);
  });

  it('leaves no trace of an old secret in the database file', () => {
    dir = mkdtempSync(join(tmpdir(), 'migration-0140-'));
    const file = join(dir, 'server.db');
    const db = new Database(file) as WritableDb;
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrateTo(db, 110);
    for (let i = 0; i < 40; i += 1) {
      insertRows(db, 'kiosks', [
        {
          id: `kiosk-${String(i).padStart(4, '0')}`,
          name: `PC-${i}`,
          secret_b64: `${SECRET}${i}`,
          enrolled_at: 1,
          enrolled_by: 'cli:a',
        },
      ]);
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes('S3cretS3cret')).toBe(true);
    migrateTo(db, 140);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes('S3cretS3cret')).toBe(false);
    expect(db.pragma('secure_delete', { simple: true })).toBe(0);
    db.close();
  });
});
