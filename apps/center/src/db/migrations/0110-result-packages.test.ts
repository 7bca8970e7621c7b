import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0110',
  (getDb) => {
    it('0110 creates result_packages: unique sha256, one current package per session', async () => {
      const db = getDb();
      await migrateUpTo(db, 110);
      expect(await columnsOf(db, 'result_packages')).toEqual(
        expect.arrayContaining(['site_id', 'sha256', 'session_id', 'exam_id', 'received_at']),
      );
      expect(await columnsOf(db, 'result_packages')).toEqual(
        expect.arrayContaining(['chain_seq', 'chain_hash', 'superseded_by', 'format_version']),
      );
      await db.query(
        `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
         VALUES ('o1', 'Y', '0001', '44', 'o', now(), 't')`,
      );
      await db.query(
        `INSERT INTO sites (id, organisation_id, name, site_serial, key_id, public_key_pem,
                            enrolled_at, enrolled_by)
         VALUES ('s1', 'o1', 's', '123456', '0123456789abcdef', 'pem', now(), 't')`,
      );
      const insert = (id: string, sha: string, supersededBy: string | null) =>
        db.query(
          `INSERT INTO result_packages (id, site_id, sha256, format_version, session_id,
             session_name, session_starts_at, exam_id, exam_title, occupation_and_level,
             generated_at, received_at, received_by, byte_size, chain_seq, chain_hash, candidates,
             superseded_by)
           VALUES ($1, 's1', $2, 3, 'sess', 'n', now(), 'e', 't', 'o', now(), now(), 'u', 1, 1,
                   $3, 0, $4)`,
          [id, sha, 'a'.repeat(64), supersededBy],
        );
      await insert('p1', 'b'.repeat(64), null);
      await expect(insert('p2', 'b'.repeat(64), null)).rejects.toThrow(/unique|duplicate/);
      await expect(insert('p3', 'c'.repeat(64), null)).rejects.toThrow(/unique|duplicate/);
      await insert('p4', 'd'.repeat(64), 'p1');
      await expect(insert('p5', 'e'.repeat(64), 'nope')).rejects.toThrow(/foreign key/);
    });
  },
  { migrated: false },
);
