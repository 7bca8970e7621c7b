import { CandidatePaperSchema, CodedError, type CandidatePaper } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import { examExists, insertExamRow } from './exam-repository';

/* Importing an exam: the paper checked, one imported copy per exam id, audited (exam.import). */

/** An exam as stored: the candidate view of the paper, answer keys for the server only. */
export interface ExamRecord {
  readonly id: string;
  readonly title: string;
  readonly manifest: unknown;
  readonly candidatePaper: CandidatePaper;
  /** Opaque to this module; read by scoring. Never sent to a client. */
  readonly answerKey: unknown;
  readonly packageBytes?: Buffer;
}

export function insertExam(
  db: WritableDb,
  audit: AuditLog,
  exam: ExamRecord,
  actor: string,
  now: number,
): void {
  const paper = CandidatePaperSchema.parse(exam.candidatePaper);
  transaction(db, () => {
    if (examExists(db, exam.id))
      throw new CodedError('CONFLICT', `考试 ${exam.id} 已导入 (exam already imported)`);
    insertExamRow(
      db,
      {
        id: exam.id,
        title: exam.title,
        manifestJson: JSON.stringify(exam.manifest),
        packageBytes: exam.packageBytes ?? null,
        paperJson: JSON.stringify(paper),
        answerKeyJson: JSON.stringify(exam.answerKey),
      },
      now,
    );
    audit.append(
      db,
      { actor, action: 'exam.import', payload: { examId: exam.id, title: exam.title } },
      now,
    );
  });
}
