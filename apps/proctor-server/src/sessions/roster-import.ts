import { CodedError } from '@skillexam/shared';
import { transaction } from '@skillexam/shared/sql';
import type { Store } from '../db/store';
import { parseRoster, type ParsedRoster, type RosterRow } from '../roster/index';
import { insertRoom } from '../rooms/room-repository';
import { insertCandidatePhoto, rosterRooms } from './roster-repository';
import { addRoster, type IssuedCandidate } from './session-setup';

export interface RosterImportResult {
  readonly issued: readonly IssuedCandidate[];
  readonly rows: readonly RosterRow[];
  /** Rooms created from the roster's 考场 column (with the default seat map). */
  readonly createdRooms: readonly { id: string; name: string; seatCount: number }[];
}

/** A room the roster names but the session lacks: created in the same transaction. */
interface NewRoom {
  id: string;
  name: string;
  seatCount: number;
}

/** 考场 "3" → 第3考场; anything else is used as written. */
function roomNameOf(written: string): string {
  return /^\d{1,3}$/.test(written) ? `第${Number(written)}考场` : written;
}

/** The written 考场 as an id when it is one (r1, A-101), else room-N (N from 第N考场), not yet taken. */
function roomIdOf(written: string, taken: Set<string>): string {
  if (
    /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(written) &&
    !/^\d+$/.test(written) &&
    !taken.has(written)
  )
    return written;
  const digits = /\d{1,3}/.exec(written)?.[0];
  const number = digits === undefined ? 1 : Math.max(1, Number(digits));
  let candidate = `room-${number}`;
  for (let n = number; taken.has(candidate); n += 1) candidate = `room-${n + 1}`;
  return candidate;
}

/**
 * 考生名单导入 from .xlsx/.csv (parsed by roster/), all or nothing: any issue in the file or a
 * taken seat rejects the whole file with every problem listed (file, row, field, reason);
 * otherwise new rooms (a 考场 the session lacks, with the default seat map), photos and
 * candidates are stored in one transaction.
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
  return commitRosterImport(store, sessionId, parsed, options.fileName, actor, now);
}

/** The candidates a parsed roster maps to, and the rooms it would create (reads only). */
export function planRosterImport(store: Store, sessionId: string, parsed: ParsedRoster) {
  const rooms = rosterRooms(store.db, sessionId);
  const taken = new Set(rooms.map((r) => r.id));
  const created = new Map<string, NewRoom>();
  const roomOf = (written: string, seat: number): string => {
    const existing = rooms.find(
      (r) => r.id === written || r.name === written || r.name === roomNameOf(written),
    );
    if (existing !== undefined) return existing.id;
    let room = created.get(written);
    if (room === undefined) {
      room = { id: roomIdOf(written, taken), name: roomNameOf(written), seatCount: seat };
      taken.add(room.id);
      created.set(written, room);
    }
    room.seatCount = Math.max(room.seatCount, seat);
    return room.id;
  };
  const candidates = parsed.rows.map((row) => {
    const roomId = roomOf(row.room, row.seat);
    return {
      admissionTicketNumber: row.admissionTicketNumber,
      name: row.name,
      idNumber: row.idNumber,
      roomId,
      seat: row.seat,
      ...(row.photo === undefined ? {} : { photoAssetHash: row.photo.sha256 }),
      ...(row.accommodations === undefined ? {} : { accommodations: row.accommodations }),
    };
  });
  return { candidates, createdRooms: [...created.values()] };
}

/**
 * Stores a parsed roster, all or nothing (BAD_REQUEST listing every problem). The writes run in
 * `transaction`, so a caller's outer transaction may roll a trial run back (the preview).
 */
export function commitRosterImport(
  store: Store,
  sessionId: string,
  parsed: ParsedRoster,
  fileName: string,
  actor: string,
  now: number,
): RosterImportResult {
  const problems = parsed.issues.map((i) => `${i.file} 第 ${i.row} 行 ${i.field}: ${i.reason}`);
  const { candidates, createdRooms } = planRosterImport(store, sessionId, parsed);
  if (problems.length > 0) {
    throw new CodedError(
      'BAD_REQUEST',
      `考生名单有 ${problems.length} 处错误，未导入任何考生:\n${problems.join('\n')}`,
    );
  }
  const issued = transaction(store.db, () => {
    for (const room of createdRooms) {
      insertRoom(store.db, sessionId, room);
      store.audit.append(
        store.db,
        { actor, action: 'room.create', payload: { sessionId, ...room, fromRoster: fileName } },
        now,
      );
    }
    for (const row of parsed.rows) {
      if (row.photo === undefined) continue;
      insertCandidatePhoto(store.db, row.photo);
    }
    return addRoster(store.db, store.audit, sessionId, candidates, actor, now);
  });
  return { issued, rows: parsed.rows, createdRooms };
}
