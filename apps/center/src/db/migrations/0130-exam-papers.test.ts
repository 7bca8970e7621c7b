import { expect, it } from 'vitest';
import { describeStores } from '../../../test/support/center-db';
import { columnsOf, migrateUpTo } from '../../../test/support/schema';

describeStores(
  'migration 0130',
  (getDb) => {
    it('0130 creates exam_papers keyed by exam and keys hash', async () => {
      const db = getDb();
      await migrateUpTo(db, 130);
      expect(await columnsOf(db, 'exam_papers')).toEqual([
        'exam_id',
        'keys_sha256',
        'title',
        'occupation_and_level',
        'full_marks',
        'pass_mark',
        'answer_keys',
        'items',
        'sections',
        'first_package_id',
      ]);
      const keys = await db.query<{ column_name: string }>(
        `SELECT a.attname AS column_name FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
         WHERE i.indrelid = 'exam_papers'::regclass AND i.indisprimary ORDER BY a.attname`,
      );
      expect(keys.map((k) => k.column_name)).toEqual(['exam_id', 'keys_sha256']);
    });
  },
  { migrated: false },
);
