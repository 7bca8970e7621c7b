import {
  ContentKeySchema,
  SealedPaperSchema,
  type ContentKey,
  type SealedPaper,
} from '@skillexam/shared';
import type { WritableDb } from '@skillexam/shared/sql';
import {
  getContentKey,
  getSealedPaper,
  putContentKey,
  putSealedPaper,
} from './journal/sealed-content-repository';

/**
 * The sealed paper and its content key in journal.db (docs/decisions/0450). The ciphertext is
 * stored as soon as it is downloaded, so a restart can still show the paper without downloading
 * it again; the key is stored only after the server released it. Both go with the journal.
 */
export class SealedContentStore {
  constructor(private readonly db: WritableDb) {}

  storeSealedPaper(sealed: SealedPaper, at: Date): void {
    const valid = SealedPaperSchema.parse(sealed);
    // A key for another ciphertext is useless; the repository drops it, it is fetched again.
    putSealedPaper(
      this.db,
      {
        paper_id: valid.paperId,
        key_id: valid.keyId,
        algorithm: valid.algorithm,
        iv: valid.iv,
        tag: valid.tag,
        ciphertext: valid.ciphertext,
      },
      at.toISOString(),
    );
  }

  sealedPaper(): SealedPaper | undefined {
    const row = getSealedPaper(this.db);
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
    putContentKey(this.db, valid.keyId, valid.key, at.toISOString());
  }

  contentKey(): ContentKey | undefined {
    const row = getContentKey(this.db);
    return row === undefined
      ? undefined
      : ContentKeySchema.parse({ keyId: row.key_id, key: row.key });
  }
}
