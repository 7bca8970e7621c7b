import type { ItemStore } from '../../items/item-store';
import { queryOne, run, sql, type WritableDb } from '@skillexam/shared/sql';

/** Images and other media, stored once by content hash. */
export function assetRepository(
  db: WritableDb,
): Pick<ItemStore, 'hasAsset' | 'putAsset' | 'getAsset'> {
  return {
    hasAsset: (hash) =>
      queryOne(db, sql`SELECT 1 AS one FROM assets WHERE hash = ${hash}`) !== undefined,
    putAsset(asset) {
      run(
        db,
        sql`INSERT OR IGNORE INTO assets (hash, mime, size, bytes)
            VALUES (${asset.hash}, ${asset.mime}, ${asset.bytes.byteLength}, ${asset.bytes})`,
      );
    },
    getAsset(hash) {
      const row = queryOne<{ hash: string; mime: string; bytes: Uint8Array }>(
        db,
        sql`SELECT hash, mime, bytes FROM assets WHERE hash = ${hash}`,
      );
      return row === undefined
        ? undefined
        : { hash: row.hash, mime: row.mime, bytes: new Uint8Array(row.bytes) };
    },
  };
}
