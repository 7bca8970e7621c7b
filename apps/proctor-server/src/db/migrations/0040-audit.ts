import { execScript, type WritableDb } from '@skillexam/shared/sql';

/** The audit hash chain and its signed checkpoints (docs/architecture.md#security-model). */
export function migrate0040(db: WritableDb): void {
  execScript(
    db,
    `
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      payload_json TEXT NOT NULL,
      payload_hash TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_checkpoints (
      seq INTEGER PRIMARY KEY REFERENCES audit_log (seq),
      hash TEXT NOT NULL,
      signature TEXT NOT NULL,
      at INTEGER NOT NULL
    ) STRICT;
    `,
  );
}
