import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf } from '@skillexam/item-bank/exam-package';
import { CodedError, sessionResponseMatrix, type AnswerValue } from '@skillexam/shared';
import { currentAnswers } from '../answers/answer-repository';
import { latestCheckpoint } from '../audit/audit-repository';
import { verifyStoreChain } from '../audit/verify-store';
import { listAttempts } from '../attempts/attempt-repository';
import { candidatePaperOf, displayNumbers } from '../content/candidate-content';
import { examMeta } from '../exams/exam-meta';
import { ExamCatalog } from '../exams/exam-repository';
import type { Store } from '../db/store';
import { buildIncidentRecord } from '../incidents/incident-record-data';
import { renderIncidentRecord } from '../pdf/index';
import {
  buildResultsPayload,
  renderAnswerSheets,
  resultStatusOf,
  signResultsPackage,
  writeScoreSummaryXlsx,
  type CandidateResult,
  type ResultsSession,
} from '../results/index';
import { chainedScoresOfSession, type ChainedScore } from '../results/chained-score-records';
import { listRooms } from '../rooms/room-repository';
import { examAnswerKeys, sessionScores } from '../results/session-scoring-data';
import { getSession } from '../sessions/session-repository';
import { statisticsExport } from './statistics-export';

export interface ResultsExportOptions {
  readonly sessionId: string;
  readonly outDir: string;
  readonly siteName: string;
  readonly occupationAndLevel: string;
  readonly now: Date;
}

export interface ResultsExportFiles {
  readonly scoreSummary: string;
  readonly resultsPackage: string;
  readonly answerSheets: string;
  readonly incidentRecord: string;
  readonly itemStatistics: string;
  readonly responses: string;
  readonly candidates: number;
}

/**
 * Results of a session from the database, written with the results/pdf libraries:
 * 成绩汇总表 (.xlsx), the signed results package, answer sheets and the 考场情况记录 (PDF),
 * and the item statistics export for the bank.
 */
export async function exportResults(
  store: Store,
  options: ResultsExportOptions,
): Promise<ResultsExportFiles> {
  const { db } = store;
  const session = getSession(db, options.sessionId);
  const exam = examAnswerKeys(db, session.examId);
  const { keys } = exam;
  const rooms = new Map(listRooms(db, session.id).map((room) => [room.roomId, room.name]));
  // A forged score must never be signed: the chain and the tables are checked first.
  // ... and against the chain-head witness: a tail cut back to an earlier checkpoint is refused.
  const audit = verifyStoreChain(store);
  if (!audit.ok) {
    const first = audit.problems[0];
    throw new CodedError(
      'CONFLICT',
      `审计校验失败，不导出成绩 (audit verification failed; results not exported): #${first?.seq ?? '?'} ${first?.problem ?? ''}`,
    );
  }
  const head = latestCheckpoint(db);
  const chained = chainedScoresOfSession(db, session.id);
  const scores = sessionScores(db, session.id);
  const attempts = listAttempts(db, session.id);
  const catalog = new ExamCatalog(db);
  const varied = examMeta(db, session.examId).variation !== undefined;
  const results: CandidateResult[] = attempts.map((attempt) => {
    const score = scores.get(attempt.id);
    const answers = new Map<string, AnswerValue>(
      currentAnswers(db, attempt.id).map((a) => [a.itemId, a.value]),
    );
    return {
      admissionTicketNumber: attempt.admissionTicket,
      name: attempt.name,
      idNumber: attempt.idNumber,
      roomName: rooms.get(attempt.roomId) ?? attempt.roomId,
      seat: attempt.seat,
      status: resultStatusOf(attempt.status),
      ...(score === undefined ? {} : { score }),
      answers,
      attemptId: attempt.id,
      ...chainedFields(chained.get(attempt.id)),
      // 乱序: the answer sheet lists the items in this candidate's own order and numbers
      ...(varied ? { itemNumbers: displayNumbers(candidatePaperOf(db, catalog, attempt)) } : {}),
    };
  });
  const resultsSession: ResultsSession = {
    sessionId: session.id,
    sessionName: session.name,
    examId: session.examId,
    examTitle: exam.title,
    occupationAndLevel: options.occupationAndLevel,
    siteName: options.siteName,
    startsAt: session.startedAt ?? session.scheduledStart,
    durationMinutes: Math.round(session.durationMs / 60_000),
  };
  mkdirSync(options.outDir, { recursive: true });
  const file = (name: string) => join(options.outDir, name);
  const files = {
    scoreSummary: file(`成绩汇总表-${session.id}.xlsx`),
    resultsPackage: file(`results-${session.id}.json`),
    answerSheets: file(`考生答卷-${session.id}.pdf`),
    incidentRecord: file(`考场情况记录-${session.id}.pdf`),
    itemStatistics: file(`item-analysis-${session.id}.json`),
    responses: file(`responses-${session.id}.csv`),
  };
  const sectionTitles = keys.sections.map((s) => s.title);
  writeFileSync(
    files.scoreSummary,
    await writeScoreSummaryXlsx({
      session: resultsSession,
      sectionTitles,
      results,
      generatedAt: options.now,
      ...(head === undefined ? {} : { chainHead: head }),
    }),
  );
  writeFileSync(
    files.answerSheets,
    await renderAnswerSheets(resultsSession, keys, results, options.now),
  );
  const payload = buildResultsPayload({
    session: resultsSession,
    keys: keys,
    results,
    serverKeyId: keyIdOf(store.serverKey.publicKey),
    generatedAt: options.now,
    ...(head === undefined
      ? {}
      : { audit: { head, publicKeyPem: store.keys.auditSigning.publicKeyPem } }),
  });
  const serverPrivatePem = store.serverKey.privateKey
    .export({ type: 'pkcs8', format: 'pem' })
    .toString();
  writeFileSync(files.resultsPackage, signResultsPackage(payload, serverPrivatePem));
  // The statistics export for the bank: the anonymous response file that `qbank analyze` and
  // `qbank stats import` read, and its analysis (the same shared code as the console's results).
  const matrix = sessionResponseMatrix(
    keys,
    results.flatMap((result, index) =>
      result.status === 'normal' && result.score !== undefined && result.answers !== undefined
        ? [
            {
              candidateId: `C${String(index + 1).padStart(4, '0')}`,
              answers: result.answers,
              score: result.score,
            },
          ]
        : [],
    ),
  );
  const statistics = statisticsExport(matrix, keys, {
    id: session.id,
    startsAt: resultsSession.startsAt,
  });
  writeFileSync(files.responses, statistics.responsesCsv);
  writeFileSync(files.itemStatistics, statistics.analysisJson);

  writeFileSync(
    files.incidentRecord,
    await renderIncidentRecord({
      ...buildIncidentRecord(db, session.id, {
        siteName: options.siteName,
        occupationAndLevel: options.occupationAndLevel,
        now: options.now,
      }),
      ...(head === undefined ? {} : { chainHead: head }),
    }),
  );
  return { ...files, candidates: results.length };
}

function chainedFields(chained: ChainedScore | undefined): Partial<CandidateResult> {
  if (chained === undefined) return {};
  return {
    scoreRecord: chained.record,
    ...(chained.manualMarks === undefined ? {} : { manualMarks: chained.manualMarks }),
    ...(chained.boundStatus === undefined ? {} : { boundStatus: chained.boundStatus }),
    ...(chained.adoptedScore === undefined ? {} : { adoptedScore: chained.adoptedScore }),
  };
}
