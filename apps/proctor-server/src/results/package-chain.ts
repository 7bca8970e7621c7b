import {
  chainLinksOf,
  SCORE_SAVE_ACTION,
  type ChainLinks,
  type ResultsAudit,
} from '@skillexam/item-bank/results-package';
import type { ReadableDb } from '@skillexam/shared/sql';
import type { CandidateResult } from './candidate-result';
import {
  answerSecondsRows,
  auditHeaders,
  previousSessionFirstScoreSeq,
} from './results-repository';

/*
 * What a version-3 results package adds (docs/decisions/1012-results-chain-continuity.md): the
 * headers of the audit records from an anchor up to the signed head, so the centre can prove the
 * head extends the head of the site's previous package and that every score record lies on the
 * chain. The anchor is the first `score.save` record of the session scored before this one (or
 * of this session, if earlier): the previous session's package was made after its scores, so its
 * head lies inside the links — and the export writes nothing to find it.
 */

/** The seq the links start at. */
export function linksAnchorSeq(
  db: ReadableDb,
  sessionId: string,
  headSeq: number,
  results: readonly CandidateResult[],
): number {
  let own = headSeq;
  for (const result of results) {
    const seq = result.scoreRecord?.seq;
    if (seq !== undefined && seq < own) own = seq;
  }
  const previous = previousSessionFirstScoreSeq(db, sessionId, own, SCORE_SAVE_ACTION);
  return Math.max(1, Math.min(own, previous ?? own));
}

/** The record headers `anchor … head`. */
export function packageChainLinks(
  db: ReadableDb,
  sessionId: string,
  head: ResultsAudit['head'],
  results: readonly CandidateResult[],
): ChainLinks {
  const rows = auditHeaders(db, linksAnchorSeq(db, sessionId, head.seq, results), head.seq);
  return chainLinksOf(
    rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      payloadHash: row.payload_hash,
      prevHash: row.prev_hash,
    })),
  );
}

/** attemptId → seconds from the first stored answer to the submission. */
export function answerSecondsOfSession(db: ReadableDb, sessionId: string): Map<string, number> {
  return new Map(
    answerSecondsRows(db, sessionId)
      .filter((row) => row.seconds >= 0)
      .map((row) => [row.attempt_id, Math.round(row.seconds)]),
  );
}
