import type { ReadableDb } from '@skillexam/shared/sql';
import { siteKeysOf } from '../keys/bound-site-keys';

/**
 * The key that exam codes are HMAC'd with (docs/decisions/0253, 0212): the key file
 * `keys/exam-code.secret` of the data directory, never derived from anything in the database,
 * so a copy of server.db cannot check exam codes offline.
 */
export function examCodeSecret(db: ReadableDb): Uint8Array {
  return siteKeysOf(db).examCodeSecret;
}
