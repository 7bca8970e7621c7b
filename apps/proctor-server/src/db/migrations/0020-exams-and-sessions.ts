import { execScript, type WritableDb } from '@skillexam/shared/sql';

/** Imported exams, sessions with their rooms, the roster and one attempt per candidate. */
export function migrate0020(db: WritableDb): void {
  execScript(
    db,
    `
    CREATE TABLE exams (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      manifest_json TEXT NOT NULL,
      package BLOB,
      candidate_paper_json TEXT NOT NULL,
      answer_key_json TEXT NOT NULL,
      imported_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      exam_id TEXT NOT NULL REFERENCES exams (id),
      name TEXT NOT NULL,
      scheduled_start INTEGER NOT NULL,
      duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
      rules_json TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('scheduled', 'check_in', 'running', 'paused', 'ended')),
      started_at INTEGER,
      paused_at INTEGER,
      ended_at INTEGER
    ) STRICT;

    CREATE TABLE rooms (
      session_id TEXT NOT NULL REFERENCES sessions (id),
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      seat_count INTEGER NOT NULL CHECK (seat_count > 0),
      PRIMARY KEY (session_id, id)
    ) STRICT;

    CREATE TABLE attempts (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      admission_ticket TEXT NOT NULL,
      name TEXT NOT NULL,
      id_number TEXT NOT NULL,
      photo_hash TEXT,
      room_id TEXT NOT NULL,
      seat INTEGER NOT NULL,
      exam_code_hash TEXT NOT NULL,
      status TEXT NOT NULL,
      failed_logins INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER,
      identity_confirmed_at INTEGER,
      logged_in_at INTEGER,
      admitted_at INTEGER,
      started_at INTEGER,
      paused_at INTEGER,
      pause_kind TEXT CHECK (pause_kind IN ('attempt', 'session')),
      paused_total_ms INTEGER NOT NULL DEFAULT 0,
      extension_ms INTEGER NOT NULL DEFAULT 0,
      submitted_at INTEGER,
      acked_seq INTEGER NOT NULL DEFAULT 0,
      last_heartbeat_at INTEGER,
      client_offset_ms INTEGER,
      UNIQUE (session_id, admission_ticket),
      FOREIGN KEY (session_id, room_id) REFERENCES rooms (session_id, id)
    ) STRICT;
    CREATE UNIQUE INDEX attempts_seat ON attempts (session_id, room_id, seat)
      WHERE status NOT IN ('submitted', 'force_submitted', 'absent', 'voided');
    CREATE INDEX attempts_session_status ON attempts (session_id, status);
    `,
  );
}
