import { describe, expect, it } from 'vitest';
import { createMemoryDb, insertRows, migrateTo, readRows, seedOneAttempt } from '../test-helpers';

const SECRET = 'A'.repeat(43);

describe('migration 0100 kiosks-and-exit-grants', () => {
  it('keeps one live kiosk per name; a revoked name can be enrolled again', () => {
    const db = createMemoryDb();
    migrateTo(db, 100);
    const kiosk = { name: 'PC-01', secret_b64: SECRET, enrolled_at: 1, enrolled_by: 'cli:a' };
    insertRows(db, 'kiosks', [{ id: 'kiosk-0001', ...kiosk }]);
    expect(() => insertRows(db, 'kiosks', [{ id: 'kiosk-0002', ...kiosk }])).toThrow(/UNIQUE/);
    db.prepare("UPDATE kiosks SET revoked_at = 2 WHERE id = 'kiosk-0001'").run();
    insertRows(db, 'kiosks', [{ id: 'kiosk-0002', ...kiosk }]);
    expect(readRows(db, 'kiosks')).toHaveLength(2);
    insertRows(db, 'staff', [
      { username: 'p1', password_hash: 'h', role: 'proctor', created_at: 1 },
    ]);
    expect(readRows(db, 'staff')[0]).toMatchObject({ username: 'p1', disabled_at: null });
    expect(() => insertRows(db, 'kiosks', [{ id: 'short', ...kiosk, name: 'PC-02' }])).toThrow(
      /CHECK/,
    );
    expect(() =>
      insertRows(db, 'kiosks', [{ id: 'kiosk-0003', ...kiosk, name: 'PC-03', secret_b64: 'x' }]),
    ).toThrow(/CHECK/);
  });

  it('ties an exit grant to an existing attempt or kiosk and a lifetime after issue', () => {
    const db = createMemoryDb();
    migrateTo(db, 80);
    seedOneAttempt(db);
    migrateTo(db, 100);
    const grant = { granted_by: 'staff:p1', issued_at: 10, expires_at: 70 };
    insertRows(db, 'exit_grants', [{ grant_hash: 'g1', attempt_id: 'a1', ...grant }]);
    expect(() =>
      insertRows(db, 'exit_grants', [{ grant_hash: 'g2', attempt_id: 'nope', ...grant }]),
    ).toThrow(/FOREIGN/);
    expect(() =>
      insertRows(db, 'exit_grants', [
        { grant_hash: 'g3', attempt_id: 'a1', ...grant, expires_at: 10 },
      ]),
    ).toThrow(/CHECK/);
    // a grant belongs to an attempt or to an enrolled kiosk
    expect(() => insertRows(db, 'exit_grants', [{ grant_hash: 'g4', ...grant }])).toThrow(/CHECK/);
  });
});
