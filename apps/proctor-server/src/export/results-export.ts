import { resultStatusOf } from '@skillexam/item-bank/results-package';
import { CodedError, silentProgress, type AnswerValue, type Progress } from '@skillexam/shared';
import { currentAnswers } from '../answers/answer-repository';
import { latestCheckpoint } from '../audit/audit-repository';
import { verifyStoreChain } from '../audit/verify-store';
import { listAttempts } from '../attempts/attempt-repository';
import { candidatePaperOf, displayNumbers } from '../content/candidate-content';
import { examMeta } from '../exams/exam-meta';
import { ExamCatalog } from '../exams/exam-repository';
import type { Store } from '../db/store';
import type { CandidateResult, ResultsSession } from '../results/index';
import { chainedScoresOfSession, type ChainedScore } from '../results/chained-score-records';
import { listRooms } from '../rooms/room-repository';
import { examAnswerKeys, sessionScores } from '../results/session-scoring-data';
import { getSession } from '../sessions/session-repository';
import {
  buildResultsFile,
  resultsFileNames,
  writeFiles,
  type ResultsFile,
  type ResultsFilesInput,
} from './results-files';
import { StagedOutput } from './staged-output';

export interface ResultsExportOptions {
  readonly sessionId: string;
  readonly outDir: string;
  readonly siteName: string;
  readonly occupationAndLevel: string;
  readonly now: Date;
  /**
   * Phases from the work: verifying, reading (per candidate), writing (the .xlsx), rendering
   * (per candidate answer sheet, then the 考场情况记录), packaging, analysing; cancelling
   * through it leaves no file behind (docs/decisions/0946).
   */
  readonly progress?: Progress;
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

export interface ResultsReadOptions {
  readonly sessionId: string;
  readonly siteName: string;
  readonly occupationAndLevel: string;
  readonly now: Date;
  readonly progress?: Progress;
}

/**
 * What every results file is made of, read from the database once the audit chain verified
 * (phases `verifying`, `reading`): a forged score is never signed nor printed.
 */
export function readResults(store: Store, options: ResultsReadOptions): ResultsFilesInput {
  const { db } = store;
  const progress = options.progress ?? silentProgress;
  const session = getSession(db, options.sessionId);
  const exam = examAnswerKeys(db, session.examId);
  const { keys } = exam;
  const rooms = new Map(listRooms(db, session.id).map((room) => [room.roomId, room.name]));
  // A forged score must never be signed: the chain and the tables are checked first.
  // ... and against the chain-head witness: a tail cut back to an earlier checkpoint is refused.
  const verifying = progress.phase('verifying', { total: 1, unit: 'entries' });
  const audit = verifyStoreChain(store);
  if (!audit.ok) {
    const first = audit.problems[0];
    throw new CodedError(
      'CONFLICT',
      `审计校验失败，不导出成绩 (audit verification failed; results not exported): #${first?.seq ?? '?'} ${first?.problem ?? ''}`,
    );
  }
  verifying.advance();
  verifying.end();
  const head = latestCheckpoint(db);
  const chained = chainedScoresOfSession(db, session.id);
  const scores = sessionScores(db, session.id);
  const attempts = listAttempts(db, session.id);
  const catalog = new ExamCatalog(db);
  const varied = examMeta(db, session.examId).variation !== undefined;
  const reading = progress.phase('reading', { total: attempts.length, unit: 'entries' });
  const results: CandidateResult[] = attempts.map((attempt) => {
    const score = scores.get(attempt.id);
    const answers = new Map<string, AnswerValue>(
      currentAnswers(db, attempt.id).map((a) => [a.itemId, a.value]),
    );
    const result: CandidateResult = {
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
    reading.advance();
    return result;
  });
  reading.end();
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
  return {
    session: resultsSession,
    keys,
    results,
    head,
    options: {
      siteName: options.siteName,
      occupationAndLevel: options.occupationAndLevel,
      now: options.now,
    },
    progress,
  };
}

/**
 * Results of a session from the database, written with the results/pdf libraries:
 * 成绩汇总表 (.xlsx), the signed results package, answer sheets and the 考场情况记录 (PDF),
 * and the item statistics export for the bank. The files appear together at the end, or not at all.
 */
export async function exportResults(
  store: Store,
  options: ResultsExportOptions,
): Promise<ResultsExportFiles> {
  const input = readResults(store, options);
  const names = resultsFileNames(input.session.sessionId);
  const output = StagedOutput.open(options.outDir);
  try {
    await writeFiles(store, output, names, input);
    input.progress.check(); // the last moment a cancel still leaves nothing behind
    output.commit();
  } catch (error) {
    output.discard();
    throw error;
  }
  const files = Object.fromEntries(
    Object.entries(names).map(([key, name]) => [key, output.final(name)]),
  ) as Record<ResultsFile, string>;
  return { ...files, candidates: input.results.length };
}

/**
 * One file of the export on its own (a console download), after the same checks and from the
 * same data as `exportResults`: byte for byte the export's file made at the same `now`.
 */
export async function exportResultsFile(
  store: Store,
  file: ResultsFile,
  options: ResultsReadOptions,
): Promise<{ readonly name: string; readonly bytes: Uint8Array }> {
  const input = readResults(store, options);
  const built = await buildResultsFile(store, file, input);
  return {
    name: resultsFileNames(input.session.sessionId)[file],
    bytes: typeof built === 'string' ? new TextEncoder().encode(built) : built,
  };
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
