import type Database from 'better-sqlite3';
import {
  ContentKeySchema,
  SealedPaperSchema,
  type ContentKey,
  type SealedPaper,
} from '@skillexam/shared';

interface SealedRow {
  paper_id: string;
  key_id: string;
  algorithm: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/**
 * The sealed paper and its content key in journal.db (docs/decisions/0450). The ciphertext is
 * stored as soon as it is downloaded, so a restart can still show the paper without downloading
 * it again; the key is stored only after the server released it. Both go with the journal.
 */
export class SealedContentStore {
  constructor(private readonly db: Database.Database) {}

  storeSealedPaper(sealed: SealedPaper, at: Date): void {
    const valid = SealedPaperSchema.parse(sealed);
    const write = this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO sealed_paper (id, paper_id, key_id, algorithm, iv, tag, ciphertext, fetched_at)
           VALUES (1, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET paper_id = excluded.paper_id, key_id = excluded.key_id,
             algorithm = excluded.algorithm, iv = excluded.iv, tag = excluded.tag,
             ciphertext = excluded.ciphertext, fetched_at = excluded.fetched_at`,
        )
        .run(
          valid.paperId,
          valid.keyId,
          valid.algorithm,
          valid.iv,
          valid.tag,
          valid.ciphertext,
          at.toISOString(),
        );
      // A key for another ciphertext is useless; it is fetched again if needed.
      this.db.prepare('DELETE FROM content_key WHERE key_id <> ?').run(valid.keyId);
    });
    write();
  }

  sealedPaper(): SealedPaper | undefined {
    const row = this.db.prepare('SELECT * FROM sealed_paper WHERE id = 1').get() as
      SealedRow | undefined;
    if (row === undefined) return undefined;
    return SealedPaperSchema.parse({
      paperId: row.paper_id,
      keyId: row.key_id,
      algorithm: row.algorithm,
      iv: row.iv,
      tag: row.tag,
      ciphertext: row.ciphertext,
    });
  }

  storeContentKey(key: ContentKey, at: Date): void {
    const valid = ContentKeySchema.parse(key);
    this.db
      .prepare(
        `INSERT INTO content_key (id, key_id, key, released_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET key_id = excluded.key_id, key = excluded.key,
           released_at = excluded.released_at`,
      )
      .run(valid.keyId, valid.key, at.toISOString());
  }

  contentKey(): ContentKey | undefined {
    const row = this.db.prepare('SELECT key_id, key FROM content_key WHERE id = 1').get() as
      { key_id: string; key: string } | undefined;
    return row === undefined
      ? undefined
      : ContentKeySchema.parse({ keyId: row.key_id, key: row.key });
  }
}
