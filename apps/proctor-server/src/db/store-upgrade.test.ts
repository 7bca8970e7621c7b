import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyStoreChain } from '../audit/verify-store';
import { MIGRATIONS } from './migrations/index';
import { runMigrations } from './migrations/runner';
import type { WritableDb } from '@skillexam/shared/sql';
import { openStore } from './store';
import { insertRows, seedOneAttempt } from './test-helpers';

/** A data directory as a site had it before 0090: keys in the database, scores not chained. */
function oldSite(): string {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'store-upgrade-')), 'data');
  mkdirSync(dataDir);
  const db = new Database(join(dataDir, 'server.db')) as WritableDb;
  runMigrations(db, MIGRATIONS, 80);
  const pair = generateKeyPairSync('ed25519');
  insertRows(db, 'server_keys', [
    {
      id: 1,
      public_key_pem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      private_key_pem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      created_at: 1,
    },
  ]);
  seedOneAttempt(db, { session: 'ended', attempt: 'submitted' });
  insertRows(db, 'scores', [
    {
      attempt_id: 'a1',
      total: 42,
      passed: 0,
      detail_json: '{"total":42,"result":"fail","items":[],"sections":[]}',
      scored_at: 1,
    },
  ]);
  db.close();
  return dataDir;
}

describe('opening a database from before 0090', () => {
  it('chains the scores it already has, signs the head and verifies', () => {
    const dataDir = oldSite();
    const store = openStore(dataDir);
    const adopted = store.db
      .prepare(
        "SELECT json_extract(payload_json, '$.adopted') AS adopted FROM audit_log WHERE action = 'score.save'",
      )
      .all();
    expect(adopted).toEqual([{ adopted: 1 }]);
    expect(verifyStoreChain(store)).toMatchObject({ ok: true, problems: [] });
    // from now on an edit of that row is caught
    store.db.prepare('UPDATE scores SET total = 95 WHERE attempt_id = ?').run('a1');
    expect(verifyStoreChain(store).problems[0]?.problem).toMatch(
      /scores: 考生 T1 .*成绩 95 与审计记录/,
    );
    store.close();
  });
});
