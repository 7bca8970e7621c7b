import { createPublicKey, verify } from 'node:crypto';
import { keyIdOf } from '../exam-package/key-pairs';
import {
  canonicalJson,
  scoreAttempt,
  type AttemptScore,
  type AttemptStatus,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import { recordHash, sha256 } from './audit-record-hash';
import { linkedHashes } from './chain-links';
import { resultStatusOf } from './result-status';
import type { ResultsPayload, ResultsPayloadCandidate } from './results-payload-schema';
import {
  adoptedScoreRecordPayload,
  answerKeysHash,
  SCORE_SAVE_ACTION,
  scoreRecordPayload,
} from './score-record';

/*
 * `proctor-server results verify` (docs/decisions/0214): a results package re-derives every
 * score from what it carries alone — the answer keys, each candidate's answers and final marks —
 * with the shared `scoreAttempt`, rebuilds the chained `score.save` record from them and checks
 * its hash, and checks the final checkpoint's signature. Pure: no files, no database.
 */

export interface DerivationProblem {
  /** 准考证号, or '' for the package as a whole. */
  readonly ticket: string;
  readonly problem: string;
}

/** A score as recomputed from the package's answers, keys and marks (准考证号 → score). */
export interface DerivedScore {
  readonly total: number;
  readonly result: 'pass' | 'fail' | 'pending';
  /** Aligned with the payload's `items`; 0 while an item awaits marking. */
  readonly itemPoints: readonly number[];
}

export interface DerivationReport {
  readonly problems: DerivationProblem[];
  /** Not failures: e.g. scores adopted at the upgrade, which cannot be recomputed. */
  readonly notes: DerivationProblem[];
  /** Every sat candidate's recomputed score (adopted scores are not in it). */
  readonly derived: ReadonlyMap<string, DerivedScore>;
}

export function checkResultsDerivation(payload: ResultsPayload): DerivationReport {
  const problems: DerivationProblem[] = [];
  const notes: DerivationProblem[] = [];
  const derived = new Map<string, DerivedScore>();
  const { audit, answerKeys } = payload;
  if (audit === undefined || answerKeys === undefined) {
    return {
      problems: [
        {
          ticket: '',
          problem:
            '成绩包没有审计链头和答案，无法核对 (package carries no chain head and keys: version 1?)',
        },
      ],
      notes,
      derived,
    };
  }
  const publicKey = createPublicKey(audit.publicKeyPem);
  if (keyIdOf(publicKey) !== payload.site.serverKeyId)
    problems.push({
      ticket: '',
      problem: `审计公钥与 serverKeyId 不符 (audit key is not ${payload.site.serverKeyId})`,
    });
  if (
    !verify(
      null,
      Buffer.from(audit.head.hash, 'hex'),
      publicKey,
      Buffer.from(audit.head.signature, 'base64'),
    )
  )
    problems.push({
      ticket: '',
      problem: `链头 #${audit.head.seq} 的签名无效 (chain-head signature invalid)`,
    });
  const onChain = chainCheck(payload);
  const keysHash = answerKeysHash(answerKeys); // once per package, not per candidate
  if (typeof onChain === 'string') problems.push({ ticket: '', problem: onChain });
  for (const candidate of payload.candidates) {
    if (candidate.status !== 'normal' || candidate.total === undefined) continue;
    if (onChain instanceof Map) problems.push(...checkOnChain(onChain, candidate));
    if (candidate.adoptedScore !== undefined) {
      const adopted = checkAdopted(payload, candidate);
      problems.push(...adopted);
      if (adopted.length === 0)
        notes.push({
          ticket: candidate.admissionTicketNumber,
          problem: `考生 ${candidate.admissionTicketNumber}: 成绩无法重算（升级时沿用的旧成绩）(not recomputable (adopted at upgrade))`,
        });
      continue;
    }
    problems.push(...checkCandidate(payload, answerKeys, keysHash, candidate, derived));
  }
  return { problems, notes, derived };
}

/**
 * Version 3 (docs/decisions/1012): the record headers must run unbroken to the signed head;
 * then seq → hash of every linked record. A problem text when they do not; undefined before v3.
 */
function chainCheck(payload: ResultsPayload): ReadonlyMap<number, string> | string | undefined {
  const audit = payload.audit;
  if (audit?.links === undefined) return undefined;
  const linked = linkedHashes(audit.links, audit.head);
  return linked.ok ? linked.hashes : linked.problem;
}

/** The candidate's score record is the linked record at its seq (so it lies below the head). */
function checkOnChain(
  hashes: ReadonlyMap<number, string>,
  candidate: ResultsPayloadCandidate,
): DerivationProblem[] {
  const record = candidate.scoreRecord;
  if (record === undefined) return [];
  if (hashes.get(record.seq) === record.hash && hashes.get(record.seq - 1) === record.prevHash)
    return [];
  const ticket = candidate.admissionTicketNumber;
  return [
    {
      ticket,
      problem: `考生 ${ticket}: 审计记录 #${record.seq} 不在包内审计链上 (score record not on the linked chain)`,
    },
  ];
}

/** The record hash of a candidate's chained `score.save`, rebuilt from a payload. */
function recordHashOf(candidate: ResultsPayloadCandidate, recordPayload: unknown): string {
  const record = candidate.scoreRecord;
  if (record === undefined) return '';
  return recordHash({
    seq: record.seq,
    at: record.at,
    actor: record.actor,
    action: SCORE_SAVE_ACTION,
    payloadHash: sha256(canonicalJson(recordPayload)),
    prevHash: record.prevHash,
  });
}

/**
 * A score adopted at the upgrade (0213): its record is rebuilt from the score as chained and
 * must match; the score the package reports must be that one. Its inputs are unknown, so it is
 * reported as not recomputable, not as a failure.
 */
function checkAdopted(
  payload: ResultsPayload,
  candidate: ResultsPayloadCandidate,
): DerivationProblem[] {
  const ticket = candidate.admissionTicketNumber;
  const adopted = candidate.adoptedScore;
  const record = candidate.scoreRecord;
  if (adopted === undefined || record === undefined || candidate.attemptId === undefined)
    return [{ ticket, problem: `考生 ${ticket}: 缺少审计记录 (chained score record missing)` }];
  const problems: DerivationProblem[] = [];
  const rebuilt = adoptedScoreRecordPayload(candidate.attemptId, adopted);
  if (recordHashOf(candidate, rebuilt) !== record.hash)
    problems.push({
      ticket,
      problem: `考生 ${ticket}: 沿用的成绩与审计记录 #${record.seq} 不符 (adopted score disagrees with the chained record)`,
    });
  if (adopted.total !== candidate.total || adopted.result !== candidate.result)
    problems.push({
      ticket,
      problem: `考生 ${ticket}: 成绩 ${candidate.total ?? '?'} (${candidate.result ?? '?'}) 与审计记录 #${record.seq} 的 ${adopted.total} (${adopted.result}) 不符 (results disagree with the chained score)`,
    });
  if (record.seq > (payload.audit?.head.seq ?? 0))
    problems.push({
      ticket,
      problem: `考生 ${ticket}: 审计记录 #${record.seq} 在链头之后 (record beyond the chain head)`,
    });
  return problems;
}

function checkCandidate(
  payload: ResultsPayload,
  keys: PaperAnswerKeys,
  keysHash: string,
  candidate: ResultsPayloadCandidate,
  derived: Map<string, DerivedScore>,
): DerivationProblem[] {
  const ticket = candidate.admissionTicketNumber;
  const fail = (problem: string): DerivationProblem[] => [
    { ticket, problem: `考生 ${ticket}: ${problem}` },
  ];
  if (
    candidate.answers === undefined ||
    candidate.scoreRecord === undefined ||
    candidate.attemptId === undefined
  )
    return fail('缺少答案或审计记录，无法重算 (answers or chained score record missing)');
  const answers = new Map(Object.entries(candidate.answers));
  const manualMarks =
    candidate.manualMarks === undefined
      ? undefined
      : new Map(Object.entries(candidate.manualMarks));
  let score: AttemptScore;
  try {
    score = scoreAttempt(keys, answers, manualMarks === undefined ? {} : { manualMarks });
  } catch (error) {
    return fail(`无法重算成绩 (cannot recompute): ${(error as Error).message}`);
  }
  const problems: DerivationProblem[] = [];
  const itemPoints = payload.items.map((item) => {
    const result = score.items.find((i) => i.itemId === item.itemId)?.score;
    return result === undefined || result.status === 'needs_marking' ? 0 : result.points;
  });
  derived.set(ticket, { total: score.total, result: score.result, itemPoints });
  if (
    score.total !== candidate.total ||
    score.result !== candidate.result ||
    canonicalJson(score.sections.map((s) => s.points)) !== canonicalJson(candidate.sectionPoints) ||
    canonicalJson(itemPoints) !== canonicalJson(candidate.itemPoints)
  ) {
    problems.push(
      ...fail(
        `成绩 ${candidate.total} (${candidate.result}) 与按答案重算的 ${score.total} (${score.result}) 不符 (results disagree with the answers)`,
      ),
    );
  }
  const record = candidate.scoreRecord;
  const status = candidate.attemptStatus;
  if (status !== undefined && resultStatusOf(status as AttemptStatus) !== candidate.status)
    problems.push(
      ...fail(
        `状态 ${candidate.status} 与审计记录 #${record.seq} 的 ${status} 不符 (status disagrees with the chained record)`,
      ),
    );
  // the owner binding: ticket, SHA-256 of name + ID number, status (0213)
  const owner =
    status === undefined
      ? undefined
      : { ticket, name: candidate.name, idNumber: candidate.idNumber, status };
  const rebuilt = scoreRecordPayload(
    candidate.attemptId,
    score,
    keys,
    answers,
    manualMarks,
    owner,
    keysHash,
  );
  if (recordHashOf(candidate, rebuilt) !== record.hash)
    problems.push(
      ...fail(
        `答案、成绩与审计记录 #${record.seq} 不符 (answers, score, ticket, name, ID number or status disagree with the chained record)`,
      ),
    );
  if (record.seq > (payload.audit?.head.seq ?? 0))
    problems.push(...fail(`审计记录 #${record.seq} 在链头之后 (record beyond the chain head)`));
  return problems;
}
