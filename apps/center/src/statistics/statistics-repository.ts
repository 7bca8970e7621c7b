import type { Queryable } from '../db/center-db';

/* SQL of the statistics export: an exam's papers and its current results from every site. */

export interface ExamPaperRow {
  readonly answerKeys: unknown;
  readonly items: readonly { readonly itemId: string }[];
}

export async function readExamPapers(q: Queryable, examId: string): Promise<ExamPaperRow[]> {
  return q.query<ExamPaperRow>(
    `SELECT answer_keys AS "answerKeys", items FROM exam_papers WHERE exam_id = $1`,
    [examId],
  );
}

export interface ExamResultRow {
  readonly answers: Record<string, unknown> | null;
  readonly itemPoints: number[] | null;
  readonly result: 'pass' | 'fail' | 'pending';
}

/** Sat candidates of the exam (current results), in a stable order: site, session, ticket. */
export async function readExamResults(q: Queryable, examId: string): Promise<ExamResultRow[]> {
  return q.query<ExamResultRow>(
    `SELECT answers, item_points AS "itemPoints", result FROM theory_results
     WHERE exam_id = $1 AND current AND status = 'normal'
     ORDER BY site_id, session_id, admission_ticket`,
    [examId],
  );
}

export interface ExamSpread {
  readonly sites: number;
  readonly sessions: number;
  readonly lastStartsAt: Date | null;
}

export async function readExamSpread(q: Queryable, examId: string): Promise<ExamSpread> {
  const rows = await q.query<ExamSpread>(
    `SELECT count(DISTINCT site_id)::int AS sites,
            count(DISTINCT (site_id, session_id))::int AS sessions,
            max(session_starts_at) AS "lastStartsAt"
     FROM result_packages WHERE exam_id = $1 AND superseded_by IS NULL`,
    [examId],
  );
  return rows[0] ?? { sites: 0, sessions: 0, lastStartsAt: null };
}
