import type { Store } from '../db/store';
import {
  headWitnessPath,
  readChainHead,
  witnessRecreations,
  witnessRecreationWarning,
  type ChainHead,
} from './head-witness';
import { verifyAuditChain, type AuditProblem, type AuditVerification } from './verify';

export interface StoreVerification extends AuditVerification {
  /** Not failures, but never silent: e.g. a chain-head witness that had to be recreated. */
  readonly warnings: readonly AuditProblem[];
}

/**
 * The chain of an open store, checked against the key file's public key and, for a data
 * directory, against its chain-head witness `audit-head.json` (which must exist once the chain
 * has records); every recreation of that witness is a warning.
 */
export function verifyStoreChain(
  store: Store,
  maxProblems = 50,
  head: ChainHead | Error | undefined = readWitnessOf(store.dataDir),
  checkRecords = true,
): StoreVerification {
  const result = verifyAuditChain(store.db, {
    publicKey: store.keys.auditSigning.publicKey,
    maxProblems,
    checkRecords,
    ...(store.dataDir === undefined ? {} : { head, requireHead: true }),
  });
  const warnings = witnessRecreations(store.db).map((r) => ({
    seq: r.seq,
    problem: witnessRecreationWarning(r),
  }));
  return { ...result, warnings };
}

/** Read BEFORE `openStore` when verifying: opening writes a witness that is missing. */
export function readWitnessOf(dataDir: string | undefined): ChainHead | Error | undefined {
  return dataDir === undefined ? undefined : readChainHead(headWitnessPath(dataDir));
}
