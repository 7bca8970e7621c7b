import { describe, expect, it } from 'vitest';
import { createMemoryDb, insertRows, migrateTo } from '../test-helpers';

describe('migration 0040 audit', () => {
  it('creates the chain and checkpoints that must name an existing record', () => {
    const db = createMemoryDb();
    migrateTo(db, 40);
    insertRows(db, 'audit_log', [
      {
        seq: 1,
        at: 1,
        actor: 'system',
        action: 'x',
        payload_json: '{}',
        payload_hash: 'p',
        prev_hash: '0',
        hash: 'h',
      },
    ]);
    insertRows(db, 'audit_checkpoints', [{ seq: 1, hash: 'h', signature: 's', at: 1 }]);
    expect(() =>
      insertRows(db, 'audit_checkpoints', [{ seq: 5, hash: 'h', signature: 's', at: 1 }]),
    ).toThrow(/FOREIGN/);
  });
});
