import type { Queryable } from '../db/center-db';

/*
 * The centre's tamper-evident audit chain (全程留痕): every write appends a record whose hash
 * covers the previous record's hash. Writers append inside their own transaction, so the
 * record and the change commit together or not at all.
 */

export interface AuditEntry {
  /** Username or `system`/`site:<id>`. */
  readonly actor: string;
  /** Dotted action, e.g. `package.ingest`, `certificate.issue`, `batch.approve`. */
  readonly action: string;
  /** What it acted on: a package sha256, a certificate number, a batch id. */
  readonly subject: string;
  readonly details?: Record<string, unknown>;
}

export interface AuditLog {
  /** Appends in the caller's transaction; returns the record's sequence number. */
  append(tx: Queryable, entry: AuditEntry): Promise<number>;
}
