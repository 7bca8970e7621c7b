import type { Queryable } from '../db/center-db';

/* SQL of the audit chain (./pg-audit-log.ts, ./verify-audit.ts). */

export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

export interface AuditRow {
  readonly seq: number;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details: Record<string, unknown>;
  readonly prev_hash: string;
  readonly hash: string;
}

/** The chain's head, locked until the caller's transaction ends: appends queue here. */
export async function lockAuditHead(tx: Queryable): Promise<AuditHead> {
  const rows = await tx.query<AuditHead>(
    'SELECT seq, hash FROM audit_head WHERE id = true FOR UPDATE',
  );
  const head = rows[0];
  if (head === undefined) throw new Error('audit_head row missing');
  return head;
}

export async function readAuditHead(db: Queryable): Promise<AuditHead | undefined> {
  const rows = await db.query<AuditHead>('SELECT seq, hash FROM audit_head WHERE id = true');
  return rows[0];
}

export async function insertAuditRecord(tx: Queryable, row: AuditRow): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [
      row.seq,
      row.at,
      row.actor,
      row.action,
      row.subject,
      JSON.stringify(row.details),
      row.prev_hash,
      row.hash,
    ],
  );
  await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = true', [row.seq, row.hash]);
}

/** Makes the caller's transaction read one snapshot; must come before its first query. */
export async function useSnapshot(tx: Queryable): Promise<void> {
  await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
}

/** Up to `limit` records after `afterSeq`, in order. */
export async function readAuditRows(
  db: Queryable,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `SELECT seq, at, actor, action, subject, details, prev_hash, hash
       FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [afterSeq, limit],
  );
}

/** The hashes of the records `seqs` that exist (external anchors' check). */
export async function readAuditHashes(
  db: Queryable,
  seqs: readonly number[],
): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await db.query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM audit_log WHERE seq = ANY($1::bigint[])',
    [seqs.map(String)],
  );
  return new Map(rows.map((row) => [Number(row.seq), row.hash]));
}

/** The record that took in a results package (the site's receipt); the first when retried. */
export async function readIngestRecord(
  db: Queryable,
  packageSha256: string,
): Promise<AuditHead | undefined> {
  const rows = await db.query<{ seq: string | number; hash: string }>(
    `SELECT seq, hash FROM audit_log WHERE subject = $1 AND action = 'package.ingest'
      ORDER BY seq LIMIT 1`,
    [packageSha256],
  );
  const row = rows[0];
  return row === undefined ? undefined : { seq: Number(row.seq), hash: row.hash };
}

/** Up to `limit` records of one action after `afterSeq`, in order (content checks). */
export async function readAuditRowsOfAction(
  db: Queryable,
  action: string,
  afterSeq: number,
  limit: number,
): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `SELECT seq, at, actor, action, subject, details, prev_hash, hash
       FROM audit_log WHERE action = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [action, afterSeq, limit],
  );
}

export interface AuditListFilter {
  readonly subject?: string;
  readonly action?: string;
  readonly beforeSeq?: number;
  readonly limit: number;
}

/** The newest records first, optionally of one subject or action. */
export async function listAuditRows(db: Queryable, filter: AuditListFilter): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `SELECT seq, at, actor, action, subject, details, prev_hash, hash
       FROM audit_log
      WHERE ($1::text IS NULL OR subject = $1)
        AND ($2::text IS NULL OR action = $2)
        AND ($3::bigint IS NULL OR seq < $3)
      ORDER BY seq DESC LIMIT $4`,
    [filter.subject ?? null, filter.action ?? null, filter.beforeSeq ?? null, filter.limit],
  );
}
