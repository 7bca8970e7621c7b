import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0140',
  (getDb) => {
    it('0140 creates site_chain_alerts, one per site and package', async () => {
      const db = getDb();
      await migrateUpTo(db, 140);
      expect(await columnsOf(db, 'site_chain_alerts')).toEqual([
        'id',
        'site_id',
        'detected_at',
        'package_sha256',
        'known_seq',
        'known_hash',
        'claimed_seq',
        'claimed_hash',
        'detail',
      ]);
      await db.query(
        `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
         VALUES ('o1', 'Y', '0001', '44', 'o', now(), 't')`,
      );
      await db.query(
        `INSERT INTO sites (id, organisation_id, name, site_serial, key_id, public_key_pem,
                            enrolled_at, enrolled_by)
         VALUES ('s1', 'o1', 's', '123456', '0123456789abcdef', 'pem', now(), 't')`,
      );
      const insert = () =>
        db.query(
          `INSERT INTO site_chain_alerts (site_id, detected_at, package_sha256, known_seq,
             known_hash, claimed_seq, claimed_hash, detail)
           VALUES ('s1', now(), $1, 5, $1, 5, $1, 'fork')`,
          ['a'.repeat(64)],
        );
      await insert();
      await expect(insert()).rejects.toThrow(/unique|duplicate/);
    });
  },
  { migrated: false },
);
