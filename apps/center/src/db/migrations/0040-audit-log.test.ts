import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0040',
  (getDb) => {
    it('0040 creates the append-only audit_log and its head at the genesis hash', async () => {
      const db = getDb();
      await migrateUpTo(db, 40);
      expect(await columnsOf(db, 'audit_log')).toEqual([
        'seq',
        'at',
        'actor',
        'action',
        'subject',
        'details',
        'prev_hash',
        'hash',
      ]);
      expect(await db.query('SELECT seq, hash FROM audit_head')).toEqual([
        { seq: 0, hash: '0'.repeat(64) },
      ]);
      await expect(db.query("INSERT INTO audit_head VALUES (false, 0, 'x')")).rejects.toThrow(
        /check/,
      );
      await db.query(
        `INSERT INTO audit_log (seq, at, actor, action, subject, prev_hash, hash)
       VALUES (1, now(), 'a', 'b', 'c', $1, $2)`,
        ['0'.repeat(64), '1'.repeat(64)],
      );
      await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    });
  },
  { migrated: false },
);
