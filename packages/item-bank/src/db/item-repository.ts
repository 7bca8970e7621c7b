import {
  ItemContentSchema,
  type Item,
  type ItemStats,
  type ItemVersion,
  type ReviewStatus,
} from '@skillexam/shared';
import type { DuplicateFlag, ItemStore, ItemWrite, ReviewEvent } from '../items/item-store';
import { bigramDocument } from '../search/bigram-tokens';
import { all, get, run, sql, transaction, type WritableDb } from './sql';

interface ItemRow {
  seq: number;
  id: string;
  current_version: number;
  status: ReviewStatus;
  author: string;
  standard_id: string;
  point_id: string;
  created_at: string;
  updated_at: string;
  enemy_group: string | null;
  source: string | null;
  stat_p: number | null;
  stat_discrimination: number | null;
  stat_responses: number | null;
  exposure_count: number;
  content: string;
  sealed: number;
  created_by: string;
}
interface VersionRow {
  item_id: string;
  version: number;
  content: string;
  created_by: string;
  created_at: string;
  note: string | null;
}

export function statsOf(row: {
  stat_p: number | null;
  stat_discrimination: number | null;
  stat_responses: number | null;
  exposure_count: number;
}): ItemStats | undefined {
  if (row.stat_p === null && row.stat_discrimination === null && row.exposure_count === 0) {
    return undefined;
  }
  return {
    exposureCount: row.exposure_count,
    ...(row.stat_p === null ? {} : { p: row.stat_p }),
    ...(row.stat_discrimination === null ? {} : { discrimination: row.stat_discrimination }),
    ...(row.stat_responses === null ? {} : { responseCount: row.stat_responses }),
  };
}

function toVersion(row: VersionRow): ItemVersion {
  return {
    itemId: row.item_id,
    version: row.version,
    content: ItemContentSchema.parse(JSON.parse(row.content)),
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.note === null ? {} : { note: row.note }),
  };
}

export function createItemRepository(db: WritableDb): ItemStore {
  const itemRow = (id: string) =>
    get<ItemRow>(
      db,
      sql`SELECT i.seq, i.id, i.current_version, i.status, i.author, i.standard_id, i.point_id,
            i.created_at, i.updated_at, i.enemy_group, i.source, i.stat_p,
            i.stat_discrimination, i.stat_responses, i.exposure_count,
            v.content, v.sealed, v.created_by
          FROM items i JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version
          WHERE i.id = ${id}`,
    );
  const tagsOf = (id: string) =>
    all<{ tag: string }>(db, sql`SELECT tag FROM item_tags WHERE item_id = ${id} ORDER BY tag`).map(
      (row) => row.tag,
    );

  /** The bigram document (text bigrams + facets) always mirrors the item row and its text. */
  const writeBigrams = (seq: number) => {
    const row = get<{
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
    const seq = get<{ seq: number }>(db, sql`SELECT seq FROM items WHERE id = ${write.id}`)?.seq;
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
    transaction: (fn) => transaction(db, fn),
    getItem(id) {
      const row = itemRow(id);
      if (row === undefined) return undefined;
      const content = ItemContentSchema.parse(JSON.parse(row.content));
      const stats = statsOf(row);
      const item: Item = {
        ...content,
        id: row.id,
        version: row.current_version,
        reviewStatus: row.status,
        tags: tagsOf(id),
        ...(stats === undefined ? {} : { stats }),
        ...(row.enemy_group === null ? {} : { enemyGroup: row.enemy_group }),
        ...(row.source === null ? {} : { source: row.source }),
      };
      return item;
    },
    getMeta(id) {
      const row = itemRow(id);
      return row === undefined
        ? undefined
        : {
            id: row.id,
            version: row.current_version,
            status: row.status,
            author: row.author,
            standardId: row.standard_id,
            pointId: row.point_id,
            versionSealed: row.sealed === 1,
            versionCreatedBy: row.created_by,
            createdAt: row.created_at,
            updatedAt: row.updated_at,
          };
    },
    idsWithStatus(status) {
      return all<{ id: string }>(
        db,
        sql`SELECT id FROM items WHERE status = ${status} ORDER BY seq`,
      ).map((row) => row.id);
    },
    insertItem(write) {
      const { content, stats } = write;
      const result = run(
        db,
        sql`INSERT INTO items (id, current_version, status, type, point_id, standard_id, level,
              difficulty, author, created_at, updated_at, enemy_group, source, stat_p,
              stat_discrimination, stat_responses, exposure_count)
            VALUES (${write.id}, ${write.version}, ${write.status}, ${content.type},
              ${content.assessmentPointId}, ${write.standardId}, ${content.level},
              ${content.difficulty}, ${write.author}, ${write.at}, ${write.at},
              ${write.enemyGroup ?? null}, ${write.source ?? null}, ${stats?.p ?? null},
              ${stats?.discrimination ?? null}, ${stats?.responseCount ?? null},
              ${stats?.exposureCount ?? 0})`,
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
      const seq = get<{ seq: number }>(db, sql`SELECT seq FROM items WHERE id = ${id}`)?.seq;
      if (seq !== undefined) writeBigrams(seq);
    },
    sealVersion(id, version) {
      run(
        db,
        sql`UPDATE item_versions SET sealed = 1
            WHERE item_id = ${id} AND version = ${version} AND sealed = 0`,
      );
    },
    addReviewEvent(event: ReviewEvent) {
      run(
        db,
        sql`INSERT INTO review_events (item_id, version, from_status, to_status, actor, at, comment)
            VALUES (${event.itemId}, ${event.version}, ${event.from ?? null}, ${event.to},
                    ${event.actor}, ${event.at}, ${event.comment ?? null})`,
      );
    },
    listReviewEvents(id) {
      return all<{
        version: number;
        from_status: ReviewStatus | null;
        to_status: ReviewStatus;
        actor: string;
        at: string;
        comment: string | null;
      }>(
        db,
        sql`SELECT version, from_status, to_status, actor, at, comment
            FROM review_events WHERE item_id = ${id} ORDER BY id`,
      ).map((row) => ({
        itemId: id,
        version: row.version,
        ...(row.from_status === null ? {} : { from: row.from_status }),
        to: row.to_status,
        actor: row.actor,
        at: row.at,
        ...(row.comment === null ? {} : { comment: row.comment }),
      }));
    },
    listVersions: (id) =>
      all<VersionRow>(
        db,
        sql`SELECT item_id, version, content, created_by, created_at, note
            FROM item_versions WHERE item_id = ${id} ORDER BY version`,
      ).map(toVersion),
    getVersion(id, version) {
      const row = get<VersionRow>(
        db,
        sql`SELECT item_id, version, content, created_by, created_at, note
            FROM item_versions WHERE item_id = ${id} AND version = ${version}`,
      );
      return row === undefined ? undefined : toVersion(row);
    },
    hasAsset: (hash) =>
      get(db, sql`SELECT 1 AS one FROM assets WHERE hash = ${hash}`) !== undefined,
    putAsset(asset) {
      run(
        db,
        sql`INSERT OR IGNORE INTO assets (hash, mime, size, bytes)
            VALUES (${asset.hash}, ${asset.mime}, ${asset.bytes.byteLength}, ${asset.bytes})`,
      );
    },
    getAsset(hash) {
      const row = get<{ hash: string; mime: string; bytes: Uint8Array }>(
        db,
        sql`SELECT hash, mime, bytes FROM assets WHERE hash = ${hash}`,
      );
      return row === undefined
        ? undefined
        : { hash: row.hash, mime: row.mime, bytes: new Uint8Array(row.bytes) };
    },
    pointTexts: (pointId) =>
      all<{ id: string; text: string }>(
        db,
        sql`SELECT i.id, t.similarity_text AS text FROM items i JOIN item_texts t ON t.seq = i.seq
            WHERE i.point_id = ${pointId} AND i.status != 'retired'`,
      ),
    replaceDuplicateFlags(itemId, flags) {
      run(
        db,
        sql`DELETE FROM duplicate_flags WHERE item_id = ${itemId} OR other_item_id = ${itemId}`,
      );
      for (const flag of flags) {
        const [a, b] =
          flag.itemId < flag.otherItemId
            ? [flag.itemId, flag.otherItemId]
            : [flag.otherItemId, flag.itemId];
        run(
          db,
          sql`INSERT OR REPLACE INTO duplicate_flags (item_id, other_item_id, similarity, detected_at)
              VALUES (${a}, ${b}, ${flag.similarity}, ${flag.detectedAt})`,
        );
      }
    },
    listDuplicateFlags: () =>
      all<{ item_id: string; other_item_id: string; similarity: number; detected_at: string }>(
        db,
        sql`SELECT item_id, other_item_id, similarity, detected_at FROM duplicate_flags
            ORDER BY similarity DESC, item_id, other_item_id`,
      ).map((row): DuplicateFlag => ({
        itemId: row.item_id,
        otherItemId: row.other_item_id,
        similarity: row.similarity,
        detectedAt: row.detected_at,
      })),
    recordStatistics(sample) {
      // Weighted by responses: a new sitting of 30 candidates does not erase one of 3,000.
      run(
        db,
        sql`UPDATE items SET
              stat_p = CASE WHEN stat_p IS NULL OR coalesce(stat_responses, 0) = 0 THEN ${sample.p}
                ELSE (stat_p * stat_responses + ${sample.p} * ${sample.responses})
                  / (stat_responses + ${sample.responses}) END,
              stat_discrimination = CASE
                WHEN ${sample.discrimination ?? null} IS NULL THEN stat_discrimination
                WHEN stat_discrimination IS NULL OR coalesce(stat_responses, 0) = 0
                  THEN ${sample.discrimination ?? null}
                ELSE (stat_discrimination * stat_responses
                  + ${sample.discrimination ?? null} * ${sample.responses})
                  / (stat_responses + ${sample.responses}) END,
              stat_responses = coalesce(stat_responses, 0) + ${sample.responses},
              exposure_count = exposure_count + ${sample.exposureIncrement}
            WHERE id = ${sample.itemId}`,
      );
    },
    pinVersion(paperId, itemId, version, at) {
      run(
        db,
        sql`INSERT INTO paper_pins (paper_id, item_id, version, pinned_at)
            VALUES (${paperId}, ${itemId}, ${version}, ${at})
            ON CONFLICT (paper_id, item_id) DO UPDATE SET version = excluded.version,
              pinned_at = excluded.pinned_at`,
      );
      run(
        db,
        sql`UPDATE items SET exposure_count = (SELECT count(*) FROM paper_pins WHERE item_id = ${itemId})
            WHERE id = ${itemId}`,
      );
    },
  };
}
