import { describe, expect, it } from 'vitest';
import { createMemoryDb, explain, insertRows, migrateTo, readRows } from '../test-helpers';

describe('migration 0150 kiosk-bound-tokens', () => {
  it('keeps old tokens without a kiosk and binds new ones to an enrolled kiosk only', () => {
    const db = createMemoryDb();
    migrateTo(db, 140);
    const token = { kind: 'candidate', subject: 'a1', issued_at: 1, expires_at: 2 };
    insertRows(db, 'auth_tokens', [{ token_hash: 'old', ...token }]);
    migrateTo(db, 150);
    expect(readRows(db, 'auth_tokens')).toEqual([
      expect.objectContaining({ token_hash: 'old', kiosk_id: null }),
    ]);
    insertRows(db, 'kiosks', [
      { id: 'kiosk-0001', name: 'PC-01', enrolled_at: 1, enrolled_by: 'x' },
    ]);
    insertRows(db, 'auth_tokens', [{ token_hash: 'new', ...token, kiosk_id: 'kiosk-0001' }]);
    expect(() =>
      insertRows(db, 'auth_tokens', [{ token_hash: 'bad', ...token, kiosk_id: 'kiosk-none' }]),
    ).toThrow(/FOREIGN KEY/);
    expect(explain(db, `SELECT * FROM auth_tokens WHERE kiosk_id = 'kiosk-0001'`)).toContain(
      'auth_tokens_kiosk',
    );
  });
});
