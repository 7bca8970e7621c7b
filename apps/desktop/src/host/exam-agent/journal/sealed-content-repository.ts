import {
  queryOne,
  run,
  sql,
  transaction,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';

/* The SQL of journal.db's sealed paper and content key (docs/decisions/0450); values arrive validated. */

export interface SealedPaperRow {
  readonly paper_id: string;
  readonly key_id: string;
  readonly algorithm: string;
  readonly iv: string;
  readonly tag: string;
  readonly ciphertext: string;
}

/** Stores the sealed paper (one row, replaced) and drops a key that belongs to another ciphertext. */
export function putSealedPaper(db: WritableDb, row: SealedPaperRow, fetchedAt: string): void {
  transaction(db, () => {
    run(
      db,
      sql`INSERT INTO sealed_paper (id, paper_id, key_id, algorithm, iv, tag, ciphertext, fetched_at)
          VALUES (1, ${row.paper_id}, ${row.key_id}, ${row.algorithm}, ${row.iv}, ${row.tag}, ${row.ciphertext}, ${fetchedAt})
          ON CONFLICT (id) DO UPDATE SET paper_id = excluded.paper_id, key_id = excluded.key_id,
            algorithm = excluded.algorithm, iv = excluded.iv, tag = excluded.tag,
            ciphertext = excluded.ciphertext, fetched_at = excluded.fetched_at`,
    );
    run(db, sql`DELETE FROM content_key WHERE key_id <> ${row.key_id}`);
  });
}

export function getSealedPaper(db: ReadableDb): SealedPaperRow | undefined {
  return queryOne<SealedPaperRow>(
    db,
    sql`SELECT paper_id, key_id, algorithm, iv, tag, ciphertext FROM sealed_paper WHERE id = 1`,
  );
}

export function putContentKey(
  db: WritableDb,
  keyId: string,
  key: string,
  releasedAt: string,
): void {
  run(
    db,
    sql`INSERT INTO content_key (id, key_id, key, released_at) VALUES (1, ${keyId}, ${key}, ${releasedAt})
        ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, key = excluded.key,
          released_at = excluded.released_at`,
  );
}

export function getContentKey(db: ReadableDb): { key_id: string; key: string } | undefined {
  return queryOne<{ key_id: string; key: string }>(
    db,
    sql`SELECT key_id, key FROM content_key WHERE id = 1`,
  );
}
