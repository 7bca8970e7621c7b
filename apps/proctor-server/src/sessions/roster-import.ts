import { CodedError, defaultSeatLayout } from '@skillexam/shared';
import { transaction } from '@skillexam/shared/sql';
import type { Store } from '../db/store';
import { parseRoster, type ParsedRoster, type RosterRow } from '../roster/index';
import { insertRoom, listRooms } from '../rooms/room-repository';
import { insertCandidatePhoto } from './roster-repository';
import { seatRosterRows, type RosterSeatRoom } from './roster-seats';
import { addRoster, type IssuedCandidate } from './session-setup';

export interface RosterImportResult {
  readonly issued: readonly IssuedCandidate[];
  readonly rows: readonly RosterRow[];
  /** Rooms created from the roster's 考场 column (with the default seat map). */
  readonly createdRooms: readonly { id: string; name: string; seatCount: number }[];
  /** Rows whose empty 座位号 the import filled (docs/decisions/0990). */
  readonly autoSeated: number;
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
 * 考生名单导入 from .xlsx/.csv (parsed by roster/), all or nothing: any issue in the file, a
 * taken seat or a room without enough free seats for the rows that leave 座位号 empty rejects
 * the whole file with every problem listed (file, row, field, reason); otherwise new rooms (a 考场
 * the session lacks, with the default seat map), photos and candidates are stored in one
 * transaction, empty seats filled in 准考证号 order (docs/decisions/0990).
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

/** The largest default map a new room gets (a seat map numbers seats 1–999). */
const MAX_NEW_ROOM_SEATS = 999;

/**
 * The candidates a parsed roster maps to (same order as its rows), the rooms it would create and
 * the problems only the session shows: rooms without enough free seats for the rows that leave
 * 座位号 empty (reads only). A new room's default map holds its highest written seat and all its
 * rows.
 */
export function planRosterImport(
  store: Store,
  sessionId: string,
  parsed: ParsedRoster,
  fileName: string,
) {
  const rooms = listRooms(store.db, sessionId);
  const taken = new Set(rooms.map((r) => r.roomId));
  const created = new Map<string, NewRoom & { rows: number }>();
  const roomOf = (written: string, seat: number | undefined): string => {
    const existing = rooms.find(
      (r) => r.roomId === written || r.name === written || r.name === roomNameOf(written),
    );
    if (existing !== undefined) return existing.roomId;
    let room = created.get(written);
    if (room === undefined) {
      room = { id: roomIdOf(written, taken), name: roomNameOf(written), seatCount: 1, rows: 0 };
      taken.add(room.id);
      created.set(written, room);
    }
    room.rows += 1;
    room.seatCount = Math.min(MAX_NEW_ROOM_SEATS, Math.max(room.seatCount, seat ?? 1, room.rows));
    return room.id;
  };
  const placed = parsed.rows.map((row) => ({ row, roomId: roomOf(row.room, row.seat) }));
  const seatRooms = new Map<string, RosterSeatRoom>([
    ...rooms.map(
      (r) => [r.roomId, { id: r.roomId, name: r.name, layout: r.layout, stored: true }] as const,
    ),
    ...[...created.values()].map(
      (r) =>
        [
          r.id,
          { id: r.id, name: r.name, layout: defaultSeatLayout(r.seatCount), stored: false },
        ] as const,
    ),
  ]);
  const { seats, issues } = seatRosterRows(store.db, sessionId, fileName, placed, seatRooms);
  const candidates = placed.map(({ row, roomId }, index) => ({
    admissionTicketNumber: row.admissionTicketNumber,
    name: row.name,
    idNumber: row.idNumber,
    roomId,
    seat: seats[index]?.seat,
    ...(row.photo === undefined ? {} : { photoAssetHash: row.photo.sha256 }),
    ...(row.accommodations === undefined ? {} : { accommodations: row.accommodations }),
  }));
  const createdRooms = [...created.values()].map(({ id, name, seatCount }) => ({
    id,
    name,
    seatCount,
  }));
  return { candidates, seats, createdRooms, issues };
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
  const plan = planRosterImport(store, sessionId, parsed, fileName);
  const { candidates, createdRooms } = plan;
  const problems = [...parsed.issues, ...plan.issues].map((i) =>
    i.row === 0
      ? `${i.file} ${i.field}: ${i.reason}`
      : `${i.file} 第 ${i.row} 行 ${i.field}: ${i.reason}`,
  );
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
    const added = addRoster(store.db, store.audit, sessionId, candidates, actor, now);
    const auto = candidates.filter((_, index) => plan.seats[index]?.auto === true);
    if (auto.length > 0) {
      store.audit.append(
        store.db,
        {
          actor,
          action: 'roster.auto-seat',
          payload: {
            sessionId,
            fromRoster: fileName,
            order: 'admission',
            seats: auto.map((c) => ({
              ticket: c.admissionTicketNumber,
              roomId: c.roomId,
              seat: c.seat,
            })),
          },
        },
        now,
      );
    }
    return added;
  });
  const autoSeated = plan.seats.filter((seat) => seat.auto).length;
  return { issued, rows: parsed.rows, createdRooms, autoSeated };
}
