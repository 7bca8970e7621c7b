import type { PaperAnswerKeys } from '@skillexam/shared';
import type { CandidateResult, ResultsSession } from './candidate-result';
import type {
  ResultsAudit,
  ResultsPayload,
  ResultsPayloadCandidate,
} from '@skillexam/item-bank/results-package';

/** Assembles the results-package payload from the session's results. */
export function buildResultsPayload(input: {
  readonly session: ResultsSession;
  readonly keys: PaperAnswerKeys;
  readonly results: readonly CandidateResult[];
  readonly serverKeyId: string;
  readonly generatedAt: Date;
  /** The chain head; with it the package carries the keys and answers to re-derive scores. */
  readonly audit?: ResultsAudit;
  /** attemptId → seconds from the first answer to the submission (version 3). */
  readonly answerSeconds?: ReadonlyMap<string, number>;
}): ResultsPayload {
  const { session, keys, results } = input;
  const paperItems = keys.sections.flatMap((section) =>
    section.items.map((item) => ({
      number: item.number,
      itemId: item.itemId,
      version: item.version,
      itemType: section.itemType,
      maxPoints: section.pointsEach,
    })),
  );
  const candidates = results.map((result): ResultsPayloadCandidate => {
    const base = {
      admissionTicketNumber: result.admissionTicketNumber,
      name: result.name,
      idNumber: result.idNumber,
      roomName: result.roomName,
      seat: result.seat,
      status: result.status,
    };
    const score = result.score;
    if (result.status !== 'normal' || score === undefined) return base;
    const byItem = new Map(score.items.map((item) => [item.itemId, item.score]));
    const unmarked = score.items
      .filter((item) => item.score.status === 'needs_marking')
      .map((item) => item.number);
    return {
      ...base,
      total: score.total,
      result: score.result,
      sectionPoints: score.sections.map((section) => section.points),
      itemPoints: paperItems.map((item) => {
        const itemScore = byItem.get(item.itemId);
        return itemScore === undefined || itemScore.status === 'needs_marking'
          ? 0
          : itemScore.points;
      }),
      ...(unmarked.length === 0 ? {} : { unmarkedItems: unmarked }),
      ...(input.audit === undefined ? {} : derivationOf(result)),
      ...answerSecondsOf(result, input.answerSeconds),
    };
  });
  const sat = candidates.filter((c) => c.status === 'normal');
  return {
    generatedAt: input.generatedAt.toISOString(),
    site: { name: session.siteName, serverKeyId: input.serverKeyId },
    session: {
      id: session.sessionId,
      name: session.sessionName,
      startsAt: new Date(session.startsAt).toISOString(),
      durationMinutes: session.durationMinutes,
    },
    exam: {
      id: session.examId,
      title: session.examTitle,
      occupationAndLevel: session.occupationAndLevel,
      fullMarks: keys.fullMarks,
      passMark: keys.passMark,
    },
    sections: keys.sections.map((section) => ({
      title: section.title,
      itemType: section.itemType,
      maxPoints: section.items.length * section.pointsEach,
    })),
    items: paperItems,
    candidates,
    ...(input.audit === undefined ? {} : { answerKeys: keys, audit: input.audit }),
    summary: {
      registered: candidates.length,
      sat: sat.length,
      absent: candidates.filter((c) => c.status === 'absent').length,
      voided: candidates.filter((c) => c.status === 'voided').length,
      passed: sat.filter((c) => c.result === 'pass').length,
      pending: sat.filter((c) => c.result === 'pending').length,
    },
  };
}

/** What `results verify` re-derives a candidate's score from (docs/decisions/0214). */
function derivationOf(result: CandidateResult): Partial<ResultsPayloadCandidate> {
  return {
    ...(result.attemptId === undefined ? {} : { attemptId: result.attemptId }),
    answers: Object.fromEntries(result.answers ?? new Map()),
    ...(result.manualMarks === undefined ? {} : { manualMarks: { ...result.manualMarks } }),
    ...(result.scoreRecord === undefined ? {} : { scoreRecord: { ...result.scoreRecord } }),
    ...(result.boundStatus === undefined ? {} : { attemptStatus: result.boundStatus }),
    ...(result.adoptedScore === undefined ? {} : { adoptedScore: result.adoptedScore }),
  };
}

function answerSecondsOf(
  result: CandidateResult,
  seconds: ReadonlyMap<string, number> | undefined,
): Partial<ResultsPayloadCandidate> {
  const value = result.attemptId === undefined ? undefined : seconds?.get(result.attemptId);
  return value === undefined ? {} : { answerSeconds: value };
}
