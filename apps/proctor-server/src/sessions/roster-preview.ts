import { CodedError, type RosterIssueView, type RosterPreview } from '@skillexam/shared';
import type { Store } from '../db/store';
import { ROSTER_FIELD_LABELS, parseRoster, type ParsedRoster } from '../roster/index';
import { seatLabel } from '../rooms/room-layout';
import { findRoom } from '../rooms/room-repository';
import { ticketOnRoster } from './candidate-admin-repository';
import { ticketOrSeatTaken } from './roster-repository';
import { commitRosterImport, planRosterImport } from './roster-import';
import type { RosterSeat } from './roster-seats';
import type { RosterUpload } from './roster-upload';

/*
 * 名单预览 (docs/decisions/0966): parse and check a roster as the import would, and write
 * nothing. Problems of the file come from the parser with file, row and column; seats and
 * tickets are checked against the session per row, and an empty 座位号 shows the seat the import
 * will choose (docs/decisions/0990); then, when no problem is left, the real
 * import runs inside a transaction that is always rolled back, so the preview says "ok" only
 * when the import would succeed.
 */

const ROLLBACK = Symbol('roster preview rollback');

function maskId(id: string): string {
  return id.length <= 10 ? id : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

function sessionIssues(store: Store, sessionId: string, parsed: ParsedRoster, file: string) {
  const plan = planRosterImport(store, sessionId, parsed, file);
  const issues: RosterIssueView[] = [...plan.issues];
  plan.candidates.forEach((candidate, index) => {
    const row = parsed.rows[index]?.row ?? 0;
    const room = findRoom(store.db, sessionId, candidate.roomId);
    const { seat } = candidate;
    if (room !== undefined && seat !== undefined && seatLabel(room, seat) === undefined) {
      issues.push({
        file,
        row,
        field: ROSTER_FIELD_LABELS.seat,
        reason: `考场 ${room.name} 的座位图没有 ${seat} 号座位 (no such seat in the room's seat map)`,
      });
    }
    if (
      seat === undefined
        ? ticketOnRoster(store.db, sessionId, candidate.admissionTicketNumber)
        : ticketOrSeatTaken(store.db, sessionId, { ...candidate, seat })
    ) {
      issues.push({
        file,
        row,
        field: ROSTER_FIELD_LABELS.admissionTicketNumber,
        reason:
          seat === undefined
            ? `准考证号 ${candidate.admissionTicketNumber} 已在名单中 (already on the roster)`
            : `准考证号 ${candidate.admissionTicketNumber} 已在名单中，或 ${room?.name ?? candidate.roomId} ${seat} 号座位已占用 (already on the roster or seat taken)`,
      });
    }
  });
  return { issues, plan };
}

/** The seat a preview row shows: as written, or chosen by the import (marked auto). */
function seatOf(seat: RosterSeat | undefined): { seat?: number; seatAuto?: true } {
  if (seat?.seat === undefined) return {};
  return seat.auto ? { seat: seat.seat, seatAuto: true } : { seat: seat.seat };
}

/** The trial import's refusal, if any; nothing it wrote survives. */
function trialImport(
  store: Store,
  sessionId: string,
  parsed: ParsedRoster,
  file: string,
  now: number,
): string | undefined {
  try {
    store.db.transaction(() => {
      commitRosterImport(store, sessionId, parsed, file, 'staff:preview', now);
      throw ROLLBACK;
    })();
  } catch (err) {
    if (err === ROLLBACK) return undefined;
    if (err instanceof CodedError) return err.message;
    throw err;
  }
  return undefined;
}

export async function previewRoster(
  store: Store,
  sessionId: string,
  upload: RosterUpload,
  now: number,
): Promise<RosterPreview> {
  const file = upload.fileName;
  const parsed = await parseRoster(upload.bytes, {
    fileName: file,
    ...(upload.photos === undefined ? {} : { photos: upload.photos }),
  });
  const checked = sessionIssues(store, sessionId, parsed, file);
  const issues: RosterIssueView[] = [...parsed.issues, ...checked.issues];
  if (issues.length === 0) {
    const refusal = trialImport(store, sessionId, parsed, file, now);
    if (refusal !== undefined) issues.push({ file, row: 0, field: '', reason: refusal });
  }
  issues.sort((a, b) => a.row - b.row);
  return {
    fileName: file,
    rows: parsed.rows.map((row, index) => ({
      row: row.row,
      admissionTicketNumber: row.admissionTicketNumber,
      name: row.name,
      idNumber: maskId(row.idNumber),
      room: row.room,
      roomId: checked.plan.candidates[index]?.roomId ?? '',
      ...seatOf(checked.plan.seats[index]),
      photo: row.photo !== undefined,
      ...(row.accommodations?.extraMinutes === undefined
        ? {}
        : { extraMinutes: row.accommodations.extraMinutes }),
    })),
    issues,
    createdRooms: checked.plan.createdRooms,
  };
}
