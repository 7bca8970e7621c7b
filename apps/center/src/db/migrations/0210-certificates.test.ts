import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0210',
  (getDb) => {
    it('0210 creates certificates: unique numbers, one per candidate, only valid → voided', async () => {
      const db = getDb();
      await migrateUpTo(db, 210);
      expect(await columnsOf(db, 'certificates')).toEqual(
        expect.arrayContaining([
          'number',
          'range_id',
          'serial',
          'batch_candidate_id',
          'status',
          'void_reason',
        ]),
      );
      await db.query(
        `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
         VALUES ('o1', 'Y', '0001', '44', '甲', now(), 'test')`,
      );
      const [range] = await db.query<{ id: string }>(
        `INSERT INTO certificate_ranges (organisation_id, prefix, site_serial, year, level,
           first_serial, last_serial, next_serial, allocated_by, allocated_at)
         VALUES ('o1', 'Y000144000123265', '000123', 2026, 5, 1, 9, 1, 'test', now()) RETURNING id::text`,
      );
      const certificate = (serial: number, candidate: number | null, level = 5) =>
        db.query(
          `INSERT INTO certificates (number, range_id, serial, organisation_id, batch_candidate_id,
             id_type, id_number, name, occupation_code, occupation_name, level, issued_at, issued_by)
           VALUES ('Y000144000123265' || lpad($2::text, 6, '0'), $1, $2::int, 'o1', $3, '居民身份证',
             '11010119900101001X', '张三', '4-04-05-04', '网络与信息安全管理员', $4, now(), 'test')`,
          [range?.id, serial, candidate, level],
        );
      await certificate(1, 7);
      await expect(certificate(1, null)).rejects.toThrow(/duplicate|unique/);
      await expect(certificate(2, 7)).rejects.toThrow(/certificates_one_per_candidate/);
      await expect(certificate(3, null, 4)).rejects.toThrow(/check/); // level ≠ position 16
      await expect(db.query(`UPDATE certificates SET status = 'voided'`)).rejects.toThrow(/check/);
      await expect(db.query(`UPDATE certificates SET name = '李四'`)).rejects.toThrow(
        /only changes from valid to voided/,
      );
      await db.query(
        `UPDATE certificates SET status = 'voided', voided_by = 'a', voided_at = now(), void_reason = '错'`,
      );
      await expect(
        db.query(
          `UPDATE certificates SET status = 'valid', voided_by = NULL, voided_at = NULL, void_reason = NULL`,
        ),
      ).rejects.toThrow(/only changes from valid to voided/);
      await expect(db.query('DELETE FROM certificates')).rejects.toThrow(/never deleted/);
    }, 60_000);
  },
  { migrated: false },
);
