import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0010',
  (getDb) => {
    it('0010 creates staff, with the role and organisation rules', async () => {
      const db = getDb();
      await migrateUpTo(db, 10);
      expect(await columnsOf(db, 'staff')).toEqual([
        'id',
        'username',
        'display_name',
        'role',
        'organisation_id',
        'password_hash',
        'must_change_password',
        'disabled',
        'created_at',
        'created_by',
      ]);
      const insert = (id: string, username: string, role: string, org: string | null) =>
        db.query(
          `INSERT INTO staff (id, username, display_name, role, organisation_id, password_hash, created_by)
         VALUES ($1, $2, 'x', $3, $4, 'h', 'test')`,
          [id, username, role, org],
        );
      await insert('s1', 'admin', 'centre_admin', null);
      await expect(insert('s2', 'admin', 'supervisor', null)).rejects.toThrow(/unique|duplicate/);
      await expect(insert('s3', 'Upper', 'supervisor', null)).rejects.toThrow(/check/);
      await expect(insert('s4', 'root', 'root', null)).rejects.toThrow(/check/);
      await expect(insert('s5', 'orgless', 'org_staff', null)).rejects.toThrow(/check/);
      await expect(insert('s6', 'boundsup', 'supervisor', 'o1')).rejects.toThrow(/check/);
    });
  },
  { migrated: false },
);
