import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0100',
  (getDb) => {
    it('0100 creates sites: serial, key id and chain-head rules', async () => {
      const db = getDb();
      await migrateUpTo(db, 100);
      expect(await columnsOf(db, 'sites')).toEqual([
        'id',
        'organisation_id',
        'name',
        'site_serial',
        'key_id',
        'public_key_pem',
        'enrolled_at',
        'enrolled_by',
        'chain_seq',
        'chain_hash',
      ]);
      await db.query(
        `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
         VALUES ('o1', 'Y', '0001', '44', 'o', now(), 't')`,
      );
      const insert = (id: string, serial: string, keyId: string, seq: number | null) =>
        db.query(
          `INSERT INTO sites (id, organisation_id, name, site_serial, key_id, public_key_pem,
                              enrolled_at, enrolled_by, chain_seq, chain_hash)
           VALUES ($1, 'o1', $1, $2, $3, 'pem', now(), 't', $4, NULL)`,
          [id, serial, keyId, seq],
        );
      await insert('s1', '123456', '0123456789abcdef', null);
      await expect(insert('s2', '12345', '0123456789abcdee', null)).rejects.toThrow(/check/);
      await expect(insert('s3', '123457', '0123456789abcdef', null)).rejects.toThrow(
        /unique|duplicate/,
      );
      await expect(insert('s4', '123456', '0123456789abcdea', null)).rejects.toThrow(
        /unique|duplicate/,
      );
      await expect(insert('s5', '123458', '0123456789abcdeb', 5)).rejects.toThrow(/check/);
    });
  },
  { migrated: false },
);
