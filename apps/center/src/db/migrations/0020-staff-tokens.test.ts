import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0020',
  (getDb) => {
    it('0020 creates staff_tokens keyed by the token hash', async () => {
      const db = getDb();
      await migrateUpTo(db, 20);
      expect(await columnsOf(db, 'staff_tokens')).toEqual([
        'token_hash',
        'staff_id',
        'issued_at',
        'expires_at',
        'revoked_at',
        'remote_address',
      ]);
      await expect(
        db.query(
          "INSERT INTO staff_tokens VALUES ($1, 'nobody', now(), now(), NULL, '127.0.0.1')",
          ['a'.repeat(64)],
        ),
      ).rejects.toThrow(/foreign key/);
    });
  },
  { migrated: false },
);
