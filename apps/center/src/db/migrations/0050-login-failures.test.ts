import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0050',
  (getDb) => {
    it('0050 creates login_failures per username and address', async () => {
      const db = getDb();
      await migrateUpTo(db, 50);
      expect(await columnsOf(db, 'login_failures')).toEqual([
        'username',
        'remote_address',
        'failures',
        'last_failure_at',
        'blocked_until',
      ]);
      await db.query("INSERT INTO login_failures VALUES ('a', '1.2.3.4', 1, now(), NULL)");
      await expect(
        db.query("INSERT INTO login_failures VALUES ('a', '1.2.3.4', 1, now(), NULL)"),
      ).rejects.toThrow(/unique|duplicate/);
      await expect(
        db.query("INSERT INTO login_failures VALUES ('b', 'x', 0, now(), NULL)"),
      ).rejects.toThrow(/check/);
    });
  },
  { migrated: false },
);
