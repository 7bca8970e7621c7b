import type { ItemStore, ItemWrite } from '../../items/item-store';
import { bigramDocument } from '../../search/bigram-tokens';
import { queryOne, run, sql, type WritableDb } from '@skillexam/shared/sql';

/**
 * Writing an item: its row, versions, search texts, tags and bigram document, kept in step
 * (every write that changes what search sees rewrites the bigram document).
 */
export function itemWriteRepository(
  db: WritableDb,
): Pick<
  ItemStore,
  'insertItem' | 'insertVersion' | 'replaceCurrentVersion' | 'setStatus' | 'sealVersion'
> {
  /** The bigram document (text bigrams + facets) always mirrors the item row and its text. */
  const writeBigrams = (seq: number) => {
    const row = queryOne<{
      search_text: string;
      type: string;
      level: number;
      status: string;
      difficulty: number;
      standardId: string;
      rangePath: string;
      pointId: string;
    }>(
      db,
      sql`SELECT t.search_text, i.type, i.level, i.status, i.difficulty,
            p.standard_id AS standardId, p.range_path AS rangePath, p.id AS pointId
          FROM items i JOIN item_texts t ON t.seq = i.seq JOIN points p ON p.id = i.point_id
          WHERE i.seq = ${seq}`,
    );
    if (row === undefined) throw new Error(`item seq ${seq} has no text`);
    run(db, sql`DELETE FROM item_bigrams WHERE rowid = ${seq}`);
    run(
      db,
      sql`INSERT INTO item_bigrams (rowid, grams) VALUES (${seq}, ${bigramDocument(row.search_text, row)})`,
    );
  };

  const writeVersionRow = (write: ItemWrite) =>
    run(
      db,
      sql`INSERT INTO item_versions (item_id, version, content, plain_text, created_by, created_at, note)
          VALUES (${write.id}, ${write.version}, ${JSON.stringify(write.content)},
                  ${write.readableText}, ${write.actor}, ${write.at}, ${write.note ?? null})`,
    );
  const writeTags = (write: ItemWrite) => {
    run(db, sql`DELETE FROM item_tags WHERE item_id = ${write.id}`);
    for (const tag of write.tags) {
      run(db, sql`INSERT INTO item_tags (item_id, tag) VALUES (${write.id}, ${tag})`);
    }
  };
  const updateItemRow = (write: ItemWrite) => {
    const { content } = write;
    run(
      db,
      sql`UPDATE items SET current_version = ${write.version}, status = ${write.status},
            type = ${content.type}, point_id = ${content.assessmentPointId},
            standard_id = ${write.standardId}, level = ${content.level},
            difficulty = ${content.difficulty}, updated_at = ${write.at},
            enemy_group = ${write.enemyGroup ?? null}, source = ${write.source ?? null}
          WHERE id = ${write.id}`,
    );
    const seq = queryOne<{ seq: number }>(
      db,
      sql`SELECT seq FROM items WHERE id = ${write.id}`,
    )?.seq;
    if (seq === undefined) throw new Error(`item ${write.id} not found`);
    run(
      db,
      sql`UPDATE item_texts SET search_text = ${write.searchText},
            similarity_text = ${write.similarityText} WHERE seq = ${seq}`,
    );
    writeBigrams(seq);
    writeTags(write);
  };

  return {
    insertItem(write) {
      const { content } = write;
      const result = run(
        db,
        sql`INSERT INTO items (id, current_version, status, type, point_id, standard_id, level,
              difficulty, author, created_at, updated_at, enemy_group, source)
            VALUES (${write.id}, ${write.version}, ${write.status}, ${content.type},
              ${content.assessmentPointId}, ${write.standardId}, ${content.level},
              ${content.difficulty}, ${write.author}, ${write.at}, ${write.at},
              ${write.enemyGroup ?? null}, ${write.source ?? null})`,
      );
      run(
        db,
        sql`INSERT INTO item_texts (seq, search_text, similarity_text)
            VALUES (${Number(result.lastInsertRowid)}, ${write.searchText}, ${write.similarityText})`,
      );
      writeBigrams(Number(result.lastInsertRowid));
      writeVersionRow(write);
      writeTags(write);
    },
    insertVersion(write) {
      writeVersionRow(write);
      updateItemRow(write);
    },
    replaceCurrentVersion(write) {
      run(
        db,
        sql`UPDATE item_versions SET content = ${JSON.stringify(write.content)},
              plain_text = ${write.readableText}, created_by = ${write.actor},
              created_at = ${write.at}, note = ${write.note ?? null}
            WHERE item_id = ${write.id} AND version = ${write.version}`,
      );
      updateItemRow(write);
    },
    setStatus(id, status, at) {
      run(db, sql`UPDATE items SET status = ${status}, updated_at = ${at} WHERE id = ${id}`);
      const seq = queryOne<{ seq: number }>(db, sql`SELECT seq FROM items WHERE id = ${id}`)?.seq;
      if (seq !== undefined) writeBigrams(seq);
    },
    sealVersion(id, version) {
      run(
        db,
        sql`UPDATE item_versions SET sealed = 1
            WHERE item_id = ${id} AND version = ${version} AND sealed = 0`,
      );
    },
  };
}
