import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0120',
  (getDb) => {
    it('0120 creates theory_results: a score exactly when sat, one row per ticket', async () => {
      const db = getDb();
      await migrateUpTo(db, 120);
      expect(await columnsOf(db, 'theory_results')).toEqual([
        'id',
        'package_id',
        'site_id',
        'session_id',
        'exam_id',
        'occupation_and_level',
        'admission_ticket',
        'name',
        'id_number',
        'room_name',
        'seat',
        'status',
        'total',
        'full_marks',
        'result',
        'answers',
        'item_points',
        'answer_seconds',
        'current',
      ]);
      const insert = (ticket: string, status: string, total: number | null) =>
        db.query(
          `INSERT INTO theory_results (package_id, site_id, session_id, exam_id,
             occupation_and_level, admission_ticket, name, id_number, room_name, seat, status,
             total, full_marks, result)
           VALUES ('p1', 's1', 'x', 'e', 'o', $1, 'n', 'i', 'r', 1, $2, $3, 100, $4)`,
          [ticket, status, total, total === null ? null : 'pass'],
        );
      // no package p1: the foreign key refuses
      await expect(insert('t1', 'normal', 80)).rejects.toThrow(/foreign key/);
      await db.query(
        `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
         VALUES ('o1', 'Y', '0001', '44', 'o', now(), 't')`,
      );
      await db.query(
        `INSERT INTO sites (id, organisation_id, name, site_serial, key_id, public_key_pem,
                            enrolled_at, enrolled_by)
         VALUES ('s1', 'o1', 's', '123456', '0123456789abcdef', 'pem', now(), 't')`,
      );
      await db.query(
        `INSERT INTO result_packages (id, site_id, sha256, format_version, session_id,
           session_name, session_starts_at, exam_id, exam_title, occupation_and_level,
           generated_at, received_at, received_by, byte_size, chain_seq, chain_hash, candidates)
         VALUES ('p1', 's1', $1, 3, 'x', 'n', now(), 'e', 't', 'o', now(), now(), 'u', 1, 1, $1, 2)`,
        ['a'.repeat(64)],
      );
      await insert('t1', 'normal', 80);
      await insert('t2', 'absent', null);
      await expect(insert('t1', 'absent', null)).rejects.toThrow(/unique|duplicate/);
      await expect(insert('t3', 'normal', null)).rejects.toThrow(/check/);
      await expect(insert('t4', 'absent', 50)).rejects.toThrow(/check/);
    });
  },
  { migrated: false },
);
