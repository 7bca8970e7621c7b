import type { Store } from '../db/store';
import { headWitnessPath, readChainHead, type ChainHead } from './head-witness';
import { verifyAuditChain, type AuditVerification } from './verify';

/**
 * The chain of an open store, checked against the key file's public key and, for a data
 * directory, against its chain-head witness `audit-head.json` (which must exist once the chain
 * has records).
 */
export function verifyStoreChain(
  store: Store,
  maxProblems = 50,
  head: ChainHead | Error | undefined = readWitnessOf(store.dataDir),
  checkRecords = true,
): AuditVerification {
  return verifyAuditChain(store.db, {
    publicKey: store.keys.auditSigning.publicKey,
    maxProblems,
    checkRecords,
    ...(store.dataDir === undefined ? {} : { head, requireHead: true }),
  });
}

/** Read BEFORE `openStore` when verifying: opening writes a witness that is missing. */
export function readWitnessOf(dataDir: string | undefined): ChainHead | Error | undefined {
  return dataDir === undefined ? undefined : readChainHead(headWitnessPath(dataDir));
}
