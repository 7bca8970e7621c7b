import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { WritableDb } from '@skillexam/shared/sql';
import { createMemoryDb, insertRows, migrateTo, readRows } from '../test-helpers';

describe('migration 0090 keys-out-of-database', () => {
  it('clears the private key columns and keeps the public keys', () => {
    const db = createMemoryDb();
    migrateTo(db, 80);
    insertRows(db, 'server_keys', [
      { id: 1, public_key_pem: 'ed-pub', private_key_pem: 'ed-private', created_at: 1 },
    ]);
    insertRows(db, 'package_key', [
      { id: 1, public_key_pem: 'x-pub', private_key_pem: 'x-private', created_at: 1 },
    ]);
    migrateTo(db, 90);
    expect(readRows(db, 'server_keys')).toEqual([
      { id: 1, public_key_pem: 'ed-pub', private_key_pem: '', created_at: 1 },
    ]);
    expect(readRows(db, 'package_key')).toEqual([
      { id: 1, public_key_pem: 'x-pub', private_key_pem: '', created_at: 1 },
    ]);
  });

  it('is a no-op on a database without keys', () => {
    const db = createMemoryDb();
    migrateTo(db, 90);
    expect(readRows(db, 'server_keys')).toEqual([]);
    expect(readRows(db, 'package_key')).toEqual([]);
  });

  it('leaves no byte of the old keys in the file (secure_delete, overwritten first)', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'm0090-')), 'server.db');
    const db = new Database(path) as WritableDb;
    db.pragma('foreign_keys = ON');
    migrateTo(db, 80);
    const marker = (name: string) => `MARKER-${name}-${'k'.repeat(150)}`;
    insertRows(db, 'server_keys', [
      { id: 1, public_key_pem: 'ed-pub', private_key_pem: marker('ed'), created_at: 1 },
    ]);
    insertRows(db, 'package_key', [
      { id: 1, public_key_pem: 'x-pub', private_key_pem: marker('x'), created_at: 1 },
    ]);
    migrateTo(db, 90);
    db.close();
    const bytes = readFileSync(path);
    expect(bytes.includes('MARKER-')).toBe(false);
    expect(bytes.includes('k'.repeat(40))).toBe(false);
  });
});
