import type { ReadableDb } from '@skillexam/shared/sql';
import type { SiteKeys } from './site-keys';

/*
 * The key files belong to the data directory the connection was opened on; `openStore` binds
 * them to its connection so code that only has the connection (exam codes, package import)
 * reaches them without the database holding them.
 */

const bound = new WeakMap<ReadableDb, SiteKeys>();

export function bindSiteKeys(db: ReadableDb, keys: SiteKeys): void {
  bound.set(db, keys);
}

export function siteKeysOf(db: ReadableDb): SiteKeys {
  const keys = bound.get(db);
  if (keys === undefined)
    throw new Error('site keys missing: open the database with openStore first');
  return keys;
}
