import {
  analyzeResponses,
  sessionResponseMatrix,
  type AnswerValue,
  type ItemStatRow,
  type ResultsSummary,
  type ScoreRow,
  type SessionAttempt,
} from '@skillexam/shared';
import { currentAnswers } from '../answers/answer-repository';
import { listAttempts } from '../attempts/attempt-repository';
import type { PrincipalRole } from '../auth/principal';
import type { ReadableDb } from '@skillexam/shared/sql';
import { examAnswerKeys, sessionScores } from '../results/session-scoring-data';
import { getSession } from '../sessions/session-repository';
import { keyReleasedForSession } from './key-release';

/*
 * `results:summary` for the console's results page: one score row per candidate, the pass rate,
 * the score histogram and the item statistics with their review flags (docs/decisions/0307). The analysis is
 * the shared `analyzeResponses` over the session's response matrix (`sessionResponseMatrix`):
 * only candidates who sat the paper and have a score count; voided papers do not.
 *
 * The item statistics carry the key (`options[].isKey`, facility per item), so they are left
 * out (`itemsWithheld`) while any session of the exam has not ended, and always for proctors,
 * who see the totals of their own sessions only (docs/decisions/0220).
 */

const HISTOGRAM_BINS = 10;

export function buildResultsSummary(
  db: ReadableDb,
  sessionId: string,
  role: PrincipalRole,
): ResultsSummary {
  const session = getSession(db, sessionId);
  const { keys } = examAnswerKeys(db, session.examId);
  const scores = sessionScores(db, sessionId);

  const rows: ScoreRow[] = [];
  const sat: SessionAttempt[] = [];
  for (const attempt of listAttempts(db, sessionId)) {
    const score = attempt.status === 'voided' ? undefined : scores.get(attempt.id);
    rows.push({
      attemptId: attempt.id,
      admissionTicketNumber: attempt.admissionTicket,
      name: attempt.name,
      roomId: attempt.roomId,
      seat: attempt.seat,
      status: attempt.status,
      ...(score === undefined ? {} : { total: score.total, result: score.result }),
    });
    if (score !== undefined && score.paperId === keys.paperId) {
      const answers = new Map<string, AnswerValue>(
        currentAnswers(db, attempt.id).map((answer) => [answer.itemId, answer.value]),
      );
      sat.push({ candidateId: attempt.id, answers, score });
    }
  }

  const scored = rows.filter((row) => row.result === 'pass' || row.result === 'fail').length;
  const passed = rows.filter((row) => row.result === 'pass').length;
  const analysis = analyzeResponses(sessionResponseMatrix(keys, sat), {
    histogramBins: HISTOGRAM_BINS,
  });
  const numbers = new Map(
    keys.sections.flatMap((section) =>
      section.items.map((item) => [item.itemId, { number: item.number, type: section.itemType }]),
    ),
  );
  const items: ItemStatRow[] = analysis.items.map((item) => ({
    itemId: item.itemId,
    number: numbers.get(item.itemId)?.number ?? 0,
    itemType: numbers.get(item.itemId)?.type ?? '',
    maxPoints: item.maxPoints,
    n: item.n,
    omitRate: item.omitRate,
    facility: item.facility,
    ...(item.correctedPointBiserial === undefined
      ? {}
      : { correctedPointBiserial: item.correctedPointBiserial }),
    ...(item.discriminationD === undefined ? {} : { discriminationD: item.discriminationD }),
    ...(item.options === undefined ? {} : { options: item.options.map((o) => ({ ...o })) }),
    flags: item.flags.map((flag) => ({ ...flag })),
  }));
  const { test } = analysis;
  const withheld =
    role !== 'admin' && role !== 'supervisor'
      ? ('role' as const)
      : keyReleasedForSession(db, sessionId)
        ? undefined
        : ('exam_not_ended' as const);
  return {
    sessionId,
    fullMarks: keys.fullMarks,
    passMark: keys.passMark,
    rows,
    scored,
    passed,
    ...(scored === 0 ? {} : { passRate: passed / scored }),
    ...(test.mean === undefined ? {} : { mean: test.mean }),
    ...(test.standardDeviation === undefined ? {} : { standardDeviation: test.standardDeviation }),
    ...(test.cronbachAlpha === undefined || withheld !== undefined
      ? {}
      : { cronbachAlpha: test.cronbachAlpha }),
    histogram: test.histogram.map((bin) => ({ ...bin })),
    items: withheld === undefined ? items : [],
    ...(withheld === undefined ? {} : { itemsWithheld: withheld }),
  };
}
