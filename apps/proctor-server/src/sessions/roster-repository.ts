import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';
import type { Accommodations } from '@skillexam/shared';

/* A session's 考生名单 rows: candidates (attempts as registered), their photos and exam codes. */

/** Whether the ticket is already on the session's roster or the seat is taken. */
export function ticketOrSeatTaken(
  db: ReadableDb,
  sessionId: string,
  candidate: { admissionTicketNumber: string; roomId: string; seat: number },
): boolean {
  return (
    queryOne(
      db,
      sql`SELECT 1 AS x FROM attempts WHERE session_id = ${sessionId}
          AND (admission_ticket = ${candidate.admissionTicketNumber} OR (room_id = ${candidate.roomId} AND seat = ${candidate.seat}))`,
    ) !== undefined
  );
}

export interface NewRosterAttempt {
  readonly attemptId: string;
  readonly sessionId: string;
  readonly admissionTicketNumber: string;
  readonly name: string;
  readonly idNumber: string;
  readonly photoAssetHash: string | undefined;
  readonly roomId: string;
  readonly seat: number;
  readonly examCodeHash: string;
  readonly variationSeed: number;
  /** 考生便利措施: the extra time is stored as 补时 too, so the deadline includes it. */
  readonly accommodations: Accommodations | undefined;
}

/** A registered candidate (inside the roster's transaction). */
export function insertRosterAttempt(db: WritableDb, a: NewRosterAttempt): void {
  const extraMs = (a.accommodations?.extraMinutes ?? 0) * 60_000;
  run(
    db,
    sql`INSERT INTO attempts (id, session_id, admission_ticket, name, id_number, photo_hash, room_id, seat, exam_code_hash, status, variation_seed,
                              extension_ms, roster_extra_ms, large_text, high_contrast)
        VALUES (${a.attemptId}, ${a.sessionId}, ${a.admissionTicketNumber}, ${a.name}, ${a.idNumber},
                ${a.photoAssetHash ?? null}, ${a.roomId}, ${a.seat},
                ${a.examCodeHash}, 'registered', ${a.variationSeed},
                ${extraMs}, ${extraMs}, ${a.accommodations?.largeText === true ? 1 : 0},
                ${a.accommodations?.highContrast === true ? 1 : 0})`,
  );
}

/** Stores a roster photo once per content hash. */
export function insertCandidatePhoto(
  db: WritableDb,
  photo: { sha256: string; mimeType: string; bytes: Uint8Array },
): void {
  run(
    db,
    sql`INSERT OR IGNORE INTO candidate_photos (hash, mime_type, bytes) VALUES (${photo.sha256}, ${photo.mimeType}, ${Buffer.from(photo.bytes)})`,
  );
}

export interface SlipRow {
  id: string;
  admission_ticket: string;
  name: string;
  id_number: string;
  room_id: string;
  room_name: string;
  seat: number;
  photo: Buffer | null;
}

/** The candidates of a session who have not logged in yet, with room name and photo. */
export function registeredSlipRows(db: ReadableDb, sessionId: string): SlipRow[] {
  return queryAll<SlipRow>(
    db,
    sql`SELECT a.id, a.admission_ticket, a.name, a.id_number, a.room_id, r.name AS room_name, a.seat,
               p.bytes AS photo
        FROM attempts a
        JOIN rooms r ON r.session_id = a.session_id AND r.id = a.room_id
        LEFT JOIN candidate_photos p ON p.hash = a.photo_hash
        WHERE a.session_id = ${sessionId} AND a.status = 'registered'
        ORDER BY a.room_id, a.seat`,
  );
}

/** A new exam code for the attempt; its login failures and lock are cleared. */
export function replaceExamCode(db: WritableDb, attemptId: string, examCodeHash: string): void {
  run(
    db,
    sql`UPDATE attempts SET exam_code_hash = ${examCodeHash}, failed_logins = 0, locked_until = NULL
        WHERE id = ${attemptId}`,
  );
}
