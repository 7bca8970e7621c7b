import type { AnswerValue, AttemptScore } from '@skillexam/shared';
import type { ResultStatus, ScoreRecordPayload } from '@skillexam/item-bank/results-package';

/*
 * The results of one session as the exports take them: every candidate on the roster with the
 * attempt's status and, when sat, the score and the answers. The caller (results service)
 * reads these from the database; the exports below never touch it.
 */

export interface CandidateResult {
  readonly admissionTicketNumber: string;
  readonly name: string;
  readonly idNumber: string;
  readonly roomName: string;
  readonly seat: number;
  readonly status: ResultStatus;
  /** Present when the candidate sat the paper (also for a voided paper, for the record). */
  readonly score?: AttemptScore;
  readonly answers?: ReadonlyMap<string, AnswerValue>;
  /** 乱序: the candidate's own 题号 by item id; absent when every candidate had the paper's order. */
  readonly itemNumbers?: ReadonlyMap<string, number>;
  /** For the results package (docs/decisions/0214): the attempt and its chained score record. */
  readonly attemptId?: string;
  readonly manualMarks?: Readonly<Record<string, number>>;
  readonly scoreRecord?: ChainedScoreRecord;
  /** The status the chained score record binds (absent for records before the binding). */
  readonly boundStatus?: string;
  /** The chained record is an adopted one (scored before 0213): the stored score as chained. */
  readonly adoptedScore?: ScoreRecordPayload['score'];
}

/** Where an attempt's last `score.save` record sits in the audit chain. */
export interface ChainedScoreRecord {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface ResultsSession {
  readonly sessionId: string;
  readonly sessionName: string;
  readonly examId: string;
  readonly examTitle: string;
  /** e.g. 电工（三级） */
  readonly occupationAndLevel: string;
  readonly siteName: string;
  readonly startsAt: number;
  readonly durationMinutes: number;
}

/** 是否合格: 合格 / 不合格 / 待评 (short answers unmarked) / — (absent or voided). */
export function passLabel(result: CandidateResult): string {
  if (result.status !== 'normal' || result.score === undefined) return '—';
  switch (result.score.result) {
    case 'pass':
      return '合格';
    case 'fail':
      return '不合格';
    case 'pending':
      return '待评';
  }
}

/** The score that counts: absent and voided candidates score nothing. */
export function countedTotal(result: CandidateResult): number | undefined {
  return result.status === 'normal' ? result.score?.total : undefined;
}
