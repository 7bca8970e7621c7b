import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * 撤销考试资格 (docs/decisions/0973): a withdrawn candidate leaves `attempts` — so the monitor,
 * 缺考, the score summary and the results package never see them and their seat is free — and
 * is kept here with who withdrew them, when and why, plus what 恢复资格 needs to put the row
 * back as it was (exam code, variation seed, 补时 and display presets).
 */
export function migrate0180(db: WritableDb): void {
  execScript(
    db,
    `
    CREATE TABLE candidate_withdrawals (
      attempt_id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      admission_ticket TEXT NOT NULL,
      name TEXT NOT NULL,
      id_number TEXT NOT NULL,
      photo_hash TEXT,
      room_id TEXT NOT NULL,
      seat INTEGER NOT NULL,
      exam_code_hash TEXT NOT NULL,
      variation_seed INTEGER,
      extension_ms INTEGER NOT NULL DEFAULT 0,
      extension_cap_ms INTEGER,
      roster_extra_ms INTEGER NOT NULL DEFAULT 0,
      large_text INTEGER NOT NULL DEFAULT 0,
      high_contrast INTEGER NOT NULL DEFAULT 0,
      withdrawn_at INTEGER NOT NULL,
      withdrawn_by TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
      UNIQUE (session_id, admission_ticket),
      FOREIGN KEY (session_id, room_id) REFERENCES rooms (session_id, id)
    ) STRICT;
    `,
  );
}
