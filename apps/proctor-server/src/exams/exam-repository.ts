import {
  CandidatePaperSchema,
  CodedError,
  type CandidatePaper,
  type CandidatePaperItem,
} from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { queryOne, run, sql, transaction, type ReadableDb, type WritableDb } from '../db/sql';

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
    const exists = queryOne(db, sql`SELECT 1 AS x FROM exams WHERE id = ${exam.id}`);
    if (exists !== undefined)
      throw new CodedError('CONFLICT', `考试 ${exam.id} 已导入 (exam already imported)`);
    run(
      db,
      sql`INSERT INTO exams (id, title, manifest_json, package, candidate_paper_json, answer_key_json, imported_at)
          VALUES (${exam.id}, ${exam.title}, ${JSON.stringify(exam.manifest)}, ${exam.packageBytes ?? null},
                  ${JSON.stringify(paper)}, ${JSON.stringify(exam.answerKey)}, ${now})`,
    );
    audit.append(
      db,
      { actor, action: 'exam.import', payload: { examId: exam.id, title: exam.title } },
      now,
    );
  });
}

/** Candidate papers and item types per exam; exams never change after import, so they are cached. */
export class ExamCatalog {
  private readonly papers = new Map<string, CandidatePaper>();
  private readonly items = new Map<string, Map<string, CandidatePaperItem>>();

  constructor(private readonly db: ReadableDb) {}

  paper(examId: string): CandidatePaper {
    const cached = this.papers.get(examId);
    if (cached !== undefined) return cached;
    const row = queryOne<{ candidate_paper_json: string }>(
      this.db,
      sql`SELECT candidate_paper_json FROM exams WHERE id = ${examId}`,
    );
    if (row === undefined)
      throw new CodedError('NOT_FOUND', `考试 ${examId} 不存在 (unknown exam)`);
    const paper = CandidatePaperSchema.parse(JSON.parse(row.candidate_paper_json));
    this.papers.set(examId, paper);
    return paper;
  }

  /** An item of the exam's paper, or undefined when the paper has no such item. */
  item(examId: string, itemId: string): CandidatePaperItem | undefined {
    let items = this.items.get(examId);
    if (items === undefined) {
      items = new Map();
      for (const section of this.paper(examId).sections) {
        for (const item of section.items) items.set(item.itemId, item);
      }
      this.items.set(examId, items);
    }
    return items.get(itemId);
  }

  answerKey(examId: string): unknown {
    const row = queryOne<{ answer_key_json: string }>(
      this.db,
      sql`SELECT answer_key_json FROM exams WHERE id = ${examId}`,
    );
    if (row === undefined)
      throw new CodedError('NOT_FOUND', `考试 ${examId} 不存在 (unknown exam)`);
    return JSON.parse(row.answer_key_json) as unknown;
  }
}
