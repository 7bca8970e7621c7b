import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transaction } from '@skillexam/shared/sql';
import { openStore, type Store } from '../db/store';
import { verifyStoreChain } from './verify-store';

function dataDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'audit-log-')), 'data');
}

function appendIn(store: Store, action: string, at: number): number {
  return transaction(store.db, () =>
    store.audit.append(store.db, { actor: 'system', action, payload: { at } }, at),
  );
}

function appendThenFail(store: Store): void {
  expect(() =>
    transaction(store.db, () => {
      store.audit.append(store.db, { actor: 'system', action: 'test.rolled-back', payload: {} }, 5);
      throw new Error('boom: the change is refused after its record was appended');
    }),
  ).toThrow('boom');
}

const checkpointSeqs = (store: Store) =>
  store.db.prepare('SELECT seq FROM audit_checkpoints ORDER BY seq').all();

describe('audit log sealing after a rolled-back transaction', () => {
  it('a transaction that appended and threw leaves nothing for the next commit to sign', () => {
    const store = openStore(dataDir());
    appendIn(store, 'test.first', 1);
    appendThenFail(store);
    // an unrelated transaction that appends nothing commits cleanly
    expect(() => transaction(store.db, () => 0)).not.toThrow();
    expect(appendIn(store, 'test.second', 7)).toBe(2);
    expect(checkpointSeqs(store)).toEqual([{ seq: 1 }, { seq: 2 }]);
    store.flushHeadWitness();
    expect(verifyStoreChain(store).problems).toEqual([]);
    store.close();
  });

  it('a record another process appended at the rolled-back seq keeps its own checkpoint', () => {
    const dir = dataDir();
    const server = openStore(dir);
    appendIn(server, 'test.first', 1);
    server.flushHeadWitness();
    appendThenFail(server);
    // a CLI command on the same data directory appends (and signs) seq 2 in between
    const cli = openStore(dir);
    expect(appendIn(cli, 'cli.step', 9)).toBe(2);
    cli.close();
    transaction(server.db, () => 0);
    expect(checkpointSeqs(server)).toEqual([{ seq: 1 }, { seq: 2 }]);
    server.flushHeadWitness();
    const result = verifyStoreChain(server);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    server.close();
  });
});
