import type { WritableDb } from '@skillexam/shared/sql';

/**
 * The 未分类 pool of each standard (docs/decisions/0640): one pool range and one pool point per
 * standard, flagged `pool = 1`, that hold items imported without a 鉴定点 code until they are
 * classified. They are not part of the standard document: listings, exports, blueprints, health
 * trees and assembly skip `pool = 1` rows. Standards imported later get theirs on insert.
 */
export function migrate0050(db: WritableDb): void {
  db.exec(`
    ALTER TABLE ranges ADD COLUMN pool INTEGER NOT NULL DEFAULT 0 CHECK (pool IN (0, 1));
    ALTER TABLE points ADD COLUMN pool INTEGER NOT NULL DEFAULT 0 CHECK (pool IN (0, 1));
    CREATE UNIQUE INDEX ranges_one_pool ON ranges(standard_id) WHERE pool = 1;
    CREATE UNIQUE INDEX points_one_pool ON points(standard_id) WHERE pool = 1;

    INSERT INTO ranges (id, standard_id, parent_id, path, code, name, depth, ordinal, pool)
      SELECT id || ':_unclassified', id, NULL, '未分类', '未分类', '未分类', 1, 1000000, 1
      FROM standards;
    INSERT INTO points (id, standard_id, range_id, range_path, code, path, name, importance,
                        levels, ordinal, pool)
      SELECT id || ':_unclassified', id, id || ':_unclassified', '未分类', '未分类', '未分类', '未分类', 'Z',
             NULL, 0, 1
      FROM standards;
  `);
}
