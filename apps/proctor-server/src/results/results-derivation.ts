import { createPublicKey, verify } from 'node:crypto';
import { keyIdOf } from '@skillexam/item-bank/exam-package';
import {
  canonicalJson,
  scoreAttempt,
  type AttemptScore,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import { recordHash, sha256 } from '../audit/chain';
import { SCORE_SAVE_ACTION, scoreRecordPayload } from '../scoring/score-record';
import type { ResultsPayload, ResultsPayloadCandidate } from './results-package';

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

export function checkResultsDerivation(payload: ResultsPayload): DerivationProblem[] {
  const problems: DerivationProblem[] = [];
  const { audit, answerKeys } = payload;
  if (audit === undefined || answerKeys === undefined) {
    return [
      {
        ticket: '',
        problem:
          '成绩包没有审计链头和答案，无法核对 (package carries no chain head and keys: version 1?)',
      },
    ];
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
  for (const candidate of payload.candidates) {
    if (candidate.status !== 'normal' || candidate.total === undefined) continue;
    problems.push(...checkCandidate(payload, answerKeys, candidate));
  }
  return problems;
}

function checkCandidate(
  payload: ResultsPayload,
  keys: PaperAnswerKeys,
  candidate: ResultsPayloadCandidate,
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
  const payloadHash = sha256(
    canonicalJson(scoreRecordPayload(candidate.attemptId, score, keys, answers, manualMarks)),
  );
  const hash = recordHash({
    seq: record.seq,
    at: record.at,
    actor: record.actor,
    action: SCORE_SAVE_ACTION,
    payloadHash,
    prevHash: record.prevHash,
  });
  if (hash !== record.hash)
    problems.push(
      ...fail(
        `答案、成绩与审计记录 #${record.seq} 不符 (answers and score disagree with the chained record)`,
      ),
    );
  if (record.seq > (payload.audit?.head.seq ?? 0))
    problems.push(...fail(`审计记录 #${record.seq} 在链头之后 (record beyond the chain head)`));
  return problems;
}
