import { describe, expect, it } from 'vitest';
import { createMemoryDb, insertRows, migrateTo, readRows } from '../test-helpers';

describe('migration 0010 staff-and-auth', () => {
  it('creates staff with a role check and unique usernames', () => {
    const db = createMemoryDb();
    migrateTo(db, 10);
    insertRows(db, 'staff', [
      { username: 'wang', password_hash: 'h', role: 'proctor', created_at: 1 },
    ]);
    expect(readRows(db, 'staff')).toHaveLength(1);
    expect(() =>
      insertRows(db, 'staff', [
        { username: 'wang', password_hash: 'h', role: 'admin', created_at: 1 },
      ]),
    ).toThrow(/UNIQUE/);
    expect(() =>
      insertRows(db, 'staff', [
        { username: 'li', password_hash: 'h', role: 'root', created_at: 1 },
      ]),
    ).toThrow(/CHECK/);
  });

  it('stores tokens by hash and only one server key', () => {
    const db = createMemoryDb();
    migrateTo(db, 10);
    insertRows(db, 'auth_tokens', [
      { token_hash: 'a', kind: 'staff', subject: '1', issued_at: 1, expires_at: 2 },
    ]);
    expect(() =>
      insertRows(db, 'auth_tokens', [
        { token_hash: 'b', kind: 'robot', subject: '1', issued_at: 1, expires_at: 2 },
      ]),
    ).toThrow(/CHECK/);
    insertRows(db, 'server_keys', [
      { id: 1, public_key_pem: 'p', private_key_pem: 'k', created_at: 1 },
    ]);
    expect(() =>
      insertRows(db, 'server_keys', [
        { id: 2, public_key_pem: 'p', private_key_pem: 'k', created_at: 1 },
      ]),
    ).toThrow(/CHECK/);
  });
});
