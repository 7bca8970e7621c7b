import {
  analyzeResponses,
  CodedError,
  PaperAnswerKeysSchema,
  sessionResponseMatrix,
  type AnswerValue,
  type AttemptScore,
  type ItemStatRow,
  type ResultsSummary,
  type ScoreRow,
  type SessionAttempt,
} from '@skillexam/shared';
import { currentAnswers } from '../answers/answer-state';
import { listAttempts } from '../attempts/attempt-repository';
import { queryAll, queryOne, sql, type ReadableDb } from '../db/sql';
import { getSession } from '../sessions/session-repository';

/*
 * `results:summary` for the console's results page: one score row per candidate, the pass rate,
 * the score histogram and the item statistics with their review flags (issue 9). The analysis is
 * the shared `analyzeResponses` over the session's response matrix (`sessionResponseMatrix`):
 * only candidates who sat the paper and have a score count; voided papers do not.
 */

const HISTOGRAM_BINS = 10;

export function buildResultsSummary(db: ReadableDb, sessionId: string): ResultsSummary {
  const session = getSession(db, sessionId);
  const exam = queryOne<{ answer_key_json: string }>(
    db,
    sql`SELECT answer_key_json FROM exams WHERE id = ${session.examId}`,
  );
  if (exam === undefined) throw new CodedError('NOT_FOUND', `考试 ${session.examId} 不存在`);
  const keys = PaperAnswerKeysSchema.safeParse(JSON.parse(exam.answer_key_json));
  if (!keys.success)
    throw new CodedError(
      'CONFLICT',
      `考试 ${session.examId} 没有可用的评分标准 (answer keys missing)`,
    );
  const scores = new Map(
    queryAll<{ attempt_id: string; detail_json: string }>(
      db,
      sql`SELECT s.attempt_id, s.detail_json FROM scores s JOIN attempts a ON a.id = s.attempt_id
          WHERE a.session_id = ${sessionId}`,
    ).map((row) => [row.attempt_id, JSON.parse(row.detail_json) as AttemptScore]),
  );

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
    if (score !== undefined && score.paperId === keys.data.paperId) {
      const answers = new Map<string, AnswerValue>(
        currentAnswers(db, attempt.id).map((answer) => [answer.itemId, answer.value]),
      );
      sat.push({ candidateId: attempt.id, answers, score });
    }
  }

  const scored = rows.filter((row) => row.result === 'pass' || row.result === 'fail').length;
  const passed = rows.filter((row) => row.result === 'pass').length;
  const analysis = analyzeResponses(sessionResponseMatrix(keys.data, sat), {
    histogramBins: HISTOGRAM_BINS,
  });
  const numbers = new Map(
    keys.data.sections.flatMap((section) =>
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
  return {
    sessionId,
    fullMarks: keys.data.fullMarks,
    passMark: keys.data.passMark,
    rows,
    scored,
    passed,
    ...(scored === 0 ? {} : { passRate: passed / scored }),
    ...(test.mean === undefined ? {} : { mean: test.mean }),
    ...(test.standardDeviation === undefined ? {} : { standardDeviation: test.standardDeviation }),
    ...(test.cronbachAlpha === undefined ? {} : { cronbachAlpha: test.cronbachAlpha }),
    histogram: test.histogram.map((bin) => ({ ...bin })),
    items,
  };
}
