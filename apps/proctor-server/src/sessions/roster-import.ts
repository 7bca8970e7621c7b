import { CodedError } from '@skillexam/shared';
import { queryAll, run, sql, transaction } from '../db/sql';
import type { Store } from '../db/store';
import { parseRoster, type RosterRow } from '../roster/index';
import { addRoster, type IssuedCandidate } from './session-setup';

export interface RosterImportResult {
  readonly issued: readonly IssuedCandidate[];
  readonly rows: readonly RosterRow[];
}

/**
 * 考生名单导入 from .xlsx/.csv (parsed by roster/), all or nothing: any issue in the file, an
 * unknown 考场 or a taken seat rejects the whole file with every problem listed (file, row,
 * field, reason); otherwise photos and candidates are stored in one transaction.
 */
export async function importRosterFile(
  store: Store,
  sessionId: string,
  bytes: Uint8Array,
  options: { fileName: string; photos?: ReadonlyMap<string, Uint8Array> },
  actor: string,
  now: number,
): Promise<RosterImportResult> {
  const parsed = await parseRoster(bytes, {
    fileName: options.fileName,
    ...(options.photos === undefined ? {} : { photos: options.photos }),
  });
  const problems = parsed.issues.map((i) => `${i.file} 第 ${i.row} 行 ${i.field}: ${i.reason}`);
  const rooms = queryAll<{ id: string; name: string }>(
    store.db,
    sql`SELECT id, name FROM rooms WHERE session_id = ${sessionId}`,
  );
  const roomOf = (written: string): string | undefined =>
    rooms.find((r) => r.id === written || r.name === written || r.name === `第${written}考场`)?.id;
  const candidates = parsed.rows.map((row) => {
    const roomId = roomOf(row.room);
    if (roomId === undefined)
      problems.push(
        `${options.fileName} 第 ${row.row} 行 考场: "${row.room}" 不是本场次的考场 (${rooms.map((r) => r.name).join('、')})`,
      );
    return {
      admissionTicketNumber: row.admissionTicketNumber,
      name: row.name,
      idNumber: row.idNumber,
      roomId: roomId ?? row.room,
      seat: row.seat,
      ...(row.photo === undefined ? {} : { photoAssetHash: row.photo.sha256 }),
    };
  });
  if (problems.length > 0) {
    throw new CodedError(
      'BAD_REQUEST',
      `考生名单有 ${problems.length} 处错误，未导入任何考生:\n${problems.join('\n')}`,
    );
  }
  const issued = transaction(store.db, () => {
    for (const row of parsed.rows) {
      if (row.photo === undefined) continue;
      run(
        store.db,
        sql`INSERT OR IGNORE INTO candidate_photos (hash, mime_type, bytes) VALUES (${row.photo.sha256}, ${row.photo.mimeType}, ${Buffer.from(row.photo.bytes)})`,
      );
    }
    return addRoster(store.db, store.audit, sessionId, candidates, actor, now);
  });
  return { issued, rows: parsed.rows };
}
