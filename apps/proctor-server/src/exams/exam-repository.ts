import {
  CandidatePaperSchema,
  CodedError,
  type CandidatePaper,
  type CandidatePaperItem,
} from '@skillexam/shared';
import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';

export function examExists(db: ReadableDb, examId: string): boolean {
  return queryOne(db, sql`SELECT 1 AS x FROM exams WHERE id = ${examId}`) !== undefined;
}

/** Stores an imported exam; the paper arrives checked, the rest as JSON text. */
export function insertExamRow(
  db: WritableDb,
  exam: {
    readonly id: string;
    readonly title: string;
    readonly manifestJson: string;
    readonly packageBytes: Buffer | null;
    readonly paperJson: string;
    readonly answerKeyJson: string;
  },
  now: number,
): void {
  run(
    db,
    sql`INSERT INTO exams (id, title, manifest_json, package, candidate_paper_json, answer_key_json, imported_at)
        VALUES (${exam.id}, ${exam.title}, ${exam.manifestJson}, ${exam.packageBytes},
                ${exam.paperJson}, ${exam.answerKeyJson}, ${now})`,
  );
}

/** Candidate papers and item types per exam; exams never change after import, so they are cached. */
export interface ImportedExam {
  readonly examId: string;
  readonly title: string;
  readonly importedAt: number;
  readonly sessions: number;
}

/** Every imported exam with its number of sessions, newest import first (GET /api/exams). */
export function listImportedExams(db: ReadableDb): ImportedExam[] {
  return queryAll<{ id: string; title: string; imported_at: number; sessions: number }>(
    db,
    sql`SELECT e.id, e.title, e.imported_at, (SELECT count(*) FROM sessions s WHERE s.exam_id = e.id) AS sessions
        FROM exams e ORDER BY e.imported_at DESC, e.id`,
  ).map((row) => ({
    examId: row.id,
    title: row.title,
    importedAt: row.imported_at,
    sessions: row.sessions,
  }));
}

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

/** The exam's title and package manifest (JSON text), or undefined for an unknown exam. */
export function examManifestRow(
  db: ReadableDb,
  examId: string,
): { title: string; manifest_json: string } | undefined {
  return queryOne<{ title: string; manifest_json: string }>(
    db,
    sql`SELECT title, manifest_json FROM exams WHERE id = ${examId}`,
  );
}

export function insertExamAsset(db: WritableDb, examId: string, hash: string, bytes: Buffer): void {
  run(
    db,
    sql`INSERT INTO exam_assets (exam_id, asset_hash, bytes) VALUES (${examId}, ${hash}, ${bytes})`,
  );
}

/** Adds a trusted package-signing key, or renames one already trusted. */
export function upsertTrustedSigningKey(
  db: WritableDb,
  keyId: string,
  pem: string,
  label: string,
  now: number,
): void {
  run(
    db,
    sql`INSERT INTO trusted_signing_keys (key_id, public_key_pem, label, added_at) VALUES (${keyId}, ${pem}, ${label}, ${now})
        ON CONFLICT (key_id) DO UPDATE SET label = excluded.label`,
  );
}

export function trustedSigningKeys(db: ReadableDb): string[] {
  return queryAll<{ public_key_pem: string }>(
    db,
    sql`SELECT public_key_pem FROM trusted_signing_keys ORDER BY key_id`,
  ).map((r) => r.public_key_pem);
}
