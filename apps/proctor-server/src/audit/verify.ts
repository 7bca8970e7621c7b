import { verify as verifySignature } from 'node:crypto';
import { queryAll, sql, type ReadableDb } from '../db/sql';
import { GENESIS_HASH, recordHash, sha256 } from './chain';
import { readServerPublicKey } from './server-key';

export interface AuditProblem {
  readonly seq: number;
  readonly problem: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly records: number;
  readonly checkpoints: number;
  readonly lastSeq: number;
  readonly lastHash: string;
  readonly problems: readonly AuditProblem[];
}

interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  payload_json: string;
  payload_hash: string;
  prev_hash: string;
  hash: string;
}

/**
 * Walks the whole chain: seqs must run 1, 2, 3… without a gap, every payload must match its
 * hash, every record must link to the previous hash and hash to its own; every checkpoint must
 * carry a valid Ed25519 signature over the hash of the record it names, and the last checkpoint
 * must not lie beyond the end of the chain (records deleted from the tail).
 */
export function verifyAuditChain(db: ReadableDb, maxProblems = 50): AuditVerification {
  const problems: AuditProblem[] = [];
  const note = (seq: number, problem: string): void => {
    if (problems.length < maxProblems) problems.push({ seq, problem });
  };
  const hashes = new Map<number, string>();
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let records = 0;
  const rows = db
    .prepare(
      'SELECT seq, at, actor, action, payload_json, payload_hash, prev_hash, hash FROM audit_log ORDER BY seq',
    )
    .iterate() as IterableIterator<AuditRow>;
  for (const row of rows) {
    records += 1;
    if (row.seq !== expectedSeq)
      note(row.seq, `expected record ${expectedSeq}: records missing or reordered`);
    if (sha256(row.payload_json) !== row.payload_hash)
      note(row.seq, 'payload does not match its hash (edited)');
    if (row.prev_hash !== prevHash)
      note(row.seq, 'previous hash does not match (record deleted, inserted or reordered)');
    const computed = recordHash({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      payloadHash: row.payload_hash,
      prevHash: row.prev_hash,
    });
    if (computed !== row.hash) note(row.seq, 'record hash does not match its fields (edited)');
    hashes.set(row.seq, row.hash);
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  const lastSeq = expectedSeq - 1;

  const publicKey = readServerPublicKey(db);
  const checkpoints = queryAll<{ seq: number; hash: string; signature: string }>(
    db,
    sql`SELECT seq, hash, signature FROM audit_checkpoints ORDER BY seq`,
  );
  for (const checkpoint of checkpoints) {
    const valid =
      publicKey !== undefined &&
      verifySignature(
        null,
        Buffer.from(checkpoint.hash, 'hex'),
        publicKey,
        Buffer.from(checkpoint.signature, 'base64'),
      );
    if (!valid) note(checkpoint.seq, 'checkpoint signature is invalid');
    const recorded = hashes.get(checkpoint.seq);
    if (recorded === undefined)
      note(checkpoint.seq, 'checkpoint names a record that no longer exists (tail deleted)');
    else if (recorded !== checkpoint.hash)
      note(checkpoint.seq, 'record differs from its signed checkpoint');
  }
  return {
    ok: problems.length === 0,
    records,
    checkpoints: checkpoints.length,
    lastSeq,
    lastHash: prevHash,
    problems,
  };
}
