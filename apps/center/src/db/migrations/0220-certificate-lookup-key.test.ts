import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0220',
  (getDb) => {
    it('0220 creates the one-row lookup key table, refusing a short secret or a second row', async () => {
      const db = getDb();
      await migrateUpTo(db, 220);
      expect(await columnsOf(db, 'certificate_lookup_key')).toEqual(['id', 'secret', 'created_at']);
      await expect(
        db.query(`INSERT INTO certificate_lookup_key VALUES (1, '\\x00'::bytea, now())`),
      ).rejects.toThrow(/check/);
      await db.query('INSERT INTO certificate_lookup_key VALUES (1, $1, now())', [
        new Uint8Array(32),
      ]);
      await expect(
        db.query('INSERT INTO certificate_lookup_key VALUES (2, $1, now())', [new Uint8Array(32)]),
      ).rejects.toThrow(/check/);
    }, 60_000);
  },
  { migrated: false },
);
