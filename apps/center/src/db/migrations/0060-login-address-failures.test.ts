import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0060',
  (getDb) => {
    it('0060 creates login_address_failures, one row per address', async () => {
      const db = getDb();
      await migrateUpTo(db, 60);
      expect(await columnsOf(db, 'login_address_failures')).toEqual([
        'remote_address',
        'failures',
        'last_failure_at',
        'blocked_until',
      ]);
      await db.query("INSERT INTO login_address_failures VALUES ('1.2.3.4', 1, now(), NULL)");
      await expect(
        db.query("INSERT INTO login_address_failures VALUES ('1.2.3.4', 2, now(), NULL)"),
      ).rejects.toThrow(/unique|duplicate/);
      await expect(
        db.query("INSERT INTO login_address_failures VALUES ('x', 0, now(), NULL)"),
      ).rejects.toThrow(/check/);
    });
  },
  { migrated: false },
);
