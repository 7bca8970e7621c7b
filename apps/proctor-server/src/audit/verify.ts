import { verify as verifySignature, type KeyObject } from 'node:crypto';
import type { ReadableDb } from '@skillexam/shared/sql';
import { checkpointRows, iterateAuditRecords } from './audit-repository';
import { GENESIS_HASH, recordHash, sha256 } from '@skillexam/item-bank/results-package';
import type { ChainHead } from './head-witness';
import { verifyChainedRecords } from './verify-records';
import { readServerPublicKey } from './server-key-repository';

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

export interface AuditVerifyOptions {
  /**
   * The public half of `keys/audit-signing.key`. Without it the key recorded in the database is
   * used, which only proves consistency, not who signed (tests of the chain mechanics).
   */
  readonly publicKey?: KeyObject;
  /** The chain-head witness (`audit-head.json`, a backup's `.head.json`, a results package). */
  readonly head?: ChainHead | Error | undefined;
  /** A missing witness is a problem (a data directory the server has written to). */
  readonly requireHead?: boolean;
  readonly maxProblems?: number;
  /** Also check answers and scores against the chain (default true; verify-records.ts). */
  readonly checkRecords?: boolean;
}

/** Seq 0 marks problems of the chain as a whole (keys, witness). */
export const WHOLE_CHAIN = 0;

/**
 * Walks the whole chain: seqs must run 1, 2, 3… without a gap, every payload must match its
 * hash, every record must link to the previous hash and hash to its own; every checkpoint must
 * carry a valid Ed25519 signature over the hash of the record it names, and the last checkpoint
 * must not lie beyond the end of the chain (records deleted from the tail).
 */
export function verifyAuditChain(
  db: ReadableDb,
  options: AuditVerifyOptions = {},
): AuditVerification {
  const maxProblems = options.maxProblems ?? 50;
  const problems: AuditProblem[] = [];
  const note = (seq: number, problem: string): void => {
    if (problems.length < maxProblems) problems.push({ seq, problem });
  };
  const hashes = new Map<number, string>();
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let records = 0;
  const rows = iterateAuditRecords(db);
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

  const recordedKey = readServerPublicKey(db);
  const publicKey = options.publicKey ?? recordedKey;
  if (
    options.publicKey !== undefined &&
    recordedKey !== undefined &&
    !recordedKey
      .export({ type: 'spki', format: 'der' })
      .equals(options.publicKey.export({ type: 'spki', format: 'der' }))
  ) {
    note(
      WHOLE_CHAIN,
      'server_keys 中的公钥与 keys/audit-signing.key 不一致 (public key in the database differs from the key file: chain re-signed with another key?)',
    );
  }
  const signedBy = (hash: string, signature: string): boolean =>
    publicKey !== undefined &&
    verifySignature(null, Buffer.from(hash, 'hex'), publicKey, Buffer.from(signature, 'base64'));
  const checkpoints = checkpointRows(db);
  for (const checkpoint of checkpoints) {
    if (!signedBy(checkpoint.hash, checkpoint.signature))
      note(checkpoint.seq, 'checkpoint signature is invalid');
    const recorded = hashes.get(checkpoint.seq);
    if (recorded === undefined)
      note(checkpoint.seq, 'checkpoint names a record that no longer exists (tail deleted)');
    else if (recorded !== checkpoint.hash)
      note(checkpoint.seq, 'record differs from its signed checkpoint');
  }
  // Every write transaction ends with a signed checkpoint, so the last record must carry one:
  // records appended without the signing key (a forged tail) have none.
  if (lastSeq > 0 && !checkpoints.some((c) => c.seq === lastSeq))
    note(
      lastSeq,
      `最后一条记录 #${lastSeq} 没有签名检查点 (last record unsigned: appended without the signing key)`,
    );
  checkHead(options, lastSeq, hashes, signedBy, note);
  if (options.checkRecords !== false) {
    for (const p of verifyChainedRecords(db, maxProblems - problems.length)) note(p.seq, p.problem);
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

function checkHead(
  options: AuditVerifyOptions,
  lastSeq: number,
  hashes: ReadonlyMap<number, string>,
  signedBy: (hash: string, signature: string) => boolean,
  note: (seq: number, problem: string) => void,
): void {
  const head = options.head;
  if (head instanceof Error) {
    note(WHOLE_CHAIN, head.message);
    return;
  }
  if (head === undefined) {
    if (options.requireHead === true && lastSeq > 0)
      note(WHOLE_CHAIN, '缺少链头见证 audit-head.json (chain-head witness missing)');
    return;
  }
  if (!signedBy(head.hash, head.signature))
    note(head.seq, '链头见证的签名无效 (chain-head witness signature invalid)');
  const recorded = hashes.get(head.seq);
  if (recorded === undefined)
    note(
      head.seq,
      `审计链尾部被截断: 链止于 #${lastSeq}，见证记录到 #${head.seq} (tail cut: chain ends before the witnessed head)`,
    );
  else if (recorded !== head.hash)
    note(head.seq, `记录 #${head.seq} 与链头见证不一致 (chain rewritten since the witnessed head)`);
}
