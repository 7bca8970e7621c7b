import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';

/* The SQL of candidate content: exam images, the identity screen's rows and session content keys. */

export function examAssetRows(
  db: ReadableDb,
  examId: string,
): { asset_hash: string; bytes: Buffer }[] {
  return queryAll<{ asset_hash: string; bytes: Buffer }>(
    db,
    sql`SELECT asset_hash, bytes FROM exam_assets WHERE exam_id = ${examId}`,
  );
}

export function sessionIdentityRow(
  db: ReadableDb,
  sessionId: string,
): { occupation_name: string | null; scheduled_start: number } | undefined {
  return queryOne<{ occupation_name: string | null; scheduled_start: number }>(
    db,
    sql`SELECT occupation_name, scheduled_start FROM sessions WHERE id = ${sessionId}`,
  );
}

export function candidatePhotoRow(
  db: ReadableDb,
  hash: string,
): { mime_type: 'image/jpeg' | 'image/png'; bytes: Buffer } | undefined {
  return queryOne<{ mime_type: 'image/jpeg' | 'image/png'; bytes: Buffer }>(
    db,
    sql`SELECT mime_type, bytes FROM candidate_photos WHERE hash = ${hash}`,
  );
}

export function findSessionContentKey(
  db: ReadableDb,
  sessionId: string,
): { key_bytes: Buffer; key_id: string } | undefined {
  return queryOne<{ key_bytes: Buffer; key_id: string }>(
    db,
    sql`SELECT key_bytes, key_id FROM session_content_keys WHERE session_id = ${sessionId}`,
  );
}

export function insertSessionContentKey(
  db: WritableDb,
  sessionId: string,
  key: Buffer,
  keyId: string,
  now: number,
): void {
  run(
    db,
    sql`INSERT INTO session_content_keys (session_id, key_bytes, key_id, created_at)
        VALUES (${sessionId}, ${key}, ${keyId}, ${now})`,
  );
}
