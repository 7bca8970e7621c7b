import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0200',
  (getDb) => {
    it('0200 creates range requests and ranges; ranges of one prefix never overlap nor change', async () => {
      const db = getDb();
      await migrateUpTo(db, 200);
      expect(await columnsOf(db, 'certificate_range_requests')).toEqual(
        expect.arrayContaining([
          'organisation_id',
          'site_serial',
          'year',
          'level',
          'size',
          'status',
        ]),
      );
      expect(await columnsOf(db, 'certificate_ranges')).toEqual(
        expect.arrayContaining([
          'prefix',
          'first_serial',
          'last_serial',
          'next_serial',
          'request_id',
        ]),
      );
      await db.query(
        `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
         VALUES ('o1', 'Y', '0001', '44', '甲', now(), 'test')`,
      );
      const range = (first: number, last: number, prefix = 'Y000144000123265') =>
        db.query(
          `INSERT INTO certificate_ranges (organisation_id, prefix, site_serial, year, level,
             first_serial, last_serial, next_serial, allocated_by, allocated_at)
           VALUES ('o1', $1::text, substr($1::text, 8, 6), 2026, 5, $2::int, $3::int, $2::int, 'test', now())`,
          [prefix, first, last],
        );
      await range(1, 100);
      await range(101, 200);
      await range(50, 60, 'Y000144000124265');
      await expect(range(200, 210)).rejects.toThrow(/overlaps/);
      await expect(range(1, 1)).rejects.toThrow(/overlaps/);
      await expect(range(300, 299)).rejects.toThrow(/check/);
      await expect(range(1, 1, 'Y000144000123275')).rejects.toThrow(/check/); // year 27 ≠ 2026
      await expect(db.query('UPDATE certificate_ranges SET last_serial = 150')).rejects.toThrow(
        /keeps its prefix/,
      );
      await expect(db.query('DELETE FROM certificate_ranges')).rejects.toThrow(/keeps its prefix/);
      await db.query(
        'UPDATE certificate_ranges SET next_serial = next_serial + 1 WHERE first_serial = 1',
      );
      await expect(
        db.query('UPDATE certificate_ranges SET next_serial = 102 WHERE first_serial = 1'),
      ).rejects.toThrow(/check/);
    }, 60_000);
  },
  { migrated: false },
);
