import { describe, expect, it } from 'vitest';
import { createMemoryDb, insertRows, migrateTo, readRows } from '../test-helpers';

describe('migration 0050 packages-and-photos', () => {
  it('keeps one package key, trusted keys by id, and photos only as JPEG or PNG', () => {
    const db = createMemoryDb();
    migrateTo(db, 50);
    insertRows(db, 'package_key', [
      { id: 1, public_key_pem: 'p', private_key_pem: 'k', created_at: 1 },
    ]);
    expect(() =>
      insertRows(db, 'package_key', [
        { id: 2, public_key_pem: 'p', private_key_pem: 'k', created_at: 1 },
      ]),
    ).toThrow(/CHECK/);
    insertRows(db, 'trusted_signing_keys', [
      { key_id: 'abcd', public_key_pem: 'p', label: '省鉴定中心', added_at: 1 },
    ]);
    expect(readRows(db, 'trusted_signing_keys')).toHaveLength(1);
    expect(() =>
      insertRows(db, 'candidate_photos', [
        { hash: 'h', mime_type: 'image/gif', bytes: Buffer.from('x') },
      ]),
    ).toThrow(/CHECK/);
    expect(() =>
      insertRows(db, 'exam_assets', [
        { exam_id: 'nope', asset_hash: 'h', bytes: Buffer.from('x') },
      ]),
    ).toThrow(/FOREIGN/);
  });
});
