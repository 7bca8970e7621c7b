import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0030',
  (getDb) => {
    it('0030 creates organisations and binds staff.organisation_id to them', async () => {
      const db = getDb();
      await migrateUpTo(db, 30);
      expect(await columnsOf(db, 'organisations')).toEqual([
        'id',
        'kind',
        'code',
        'province',
        'name',
        'filed_at',
        'created_at',
        'created_by',
      ]);
      const org = (id: string, kind: string, code: string, province: string, name: string) =>
        db.query(
          `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
         VALUES ($1, $2, $3, $4, $5, now(), 'test')`,
          [id, kind, code, province, name],
        );
      await org('o1', 'S', '0000', '44', '甲机构');
      await expect(org('o2', 'X', '0000', '44', '乙')).rejects.toThrow(/check/);
      await expect(org('o3', 'Y', '12a4', '44', '丙')).rejects.toThrow(/check/);
      await expect(org('o4', 'Y', '1234', '4', '丁')).rejects.toThrow(/check/);
      await expect(org('o5', 'Y', '1234', '44', '甲机构')).rejects.toThrow(/unique|duplicate/);
      await db.query(
        `INSERT INTO staff (id, username, display_name, role, organisation_id, password_hash, created_by)
       VALUES ('s7', 'member', 'x', 'org_staff', 'o1', 'h', 'test')`,
      );
      await expect(
        db.query(
          `INSERT INTO staff (id, username, display_name, role, organisation_id, password_hash, created_by)
         VALUES ('s8', 'ghost', 'x', 'org_staff', 'nope', 'h', 'test')`,
        ),
      ).rejects.toThrow(/foreign key/);
    });
  },
  { migrated: false },
);
