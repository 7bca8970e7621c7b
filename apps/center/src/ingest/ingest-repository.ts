import type { Queryable } from '../db/center-db';
import type { TheoryResultRow } from './ingest-package';

/* The SQL of ingested packages (`result_packages`, `theory_results`, `exam_papers`). */

export interface PackageRef {
  readonly id: string;
  readonly site_id: string;
  readonly session_id: string;
  readonly chain_seq: number;
  readonly superseded_by: string | null;
}

export async function packageBySha256(
  db: Queryable,
  sha256: string,
): Promise<PackageRef | undefined> {
  const rows = await db.query<PackageRef>(
    `SELECT id, site_id, session_id, chain_seq, superseded_by FROM result_packages WHERE sha256 = $1`,
    [sha256],
  );
  return rows[0];
}

export async function currentPackageOfSession(
  db: Queryable,
  siteId: string,
  sessionId: string,
): Promise<PackageRef | undefined> {
  const rows = await db.query<PackageRef>(
    `SELECT id, site_id, session_id, chain_seq, superseded_by FROM result_packages
     WHERE site_id = $1 AND session_id = $2 AND superseded_by IS NULL`,
    [siteId, sessionId],
  );
  return rows[0];
}

export interface NewPackage {
  readonly id: string;
  readonly siteId: string;
  readonly sha256: string;
  readonly formatVersion: number;
  readonly sessionId: string;
  readonly sessionName: string;
  readonly sessionStartsAt: Date;
  readonly examId: string;
  readonly examTitle: string;
  readonly occupationAndLevel: string;
  readonly generatedAt: Date;
  readonly receivedAt: Date;
  readonly receivedBy: string;
  readonly byteSize: number;
  readonly chainSeq: number;
  readonly chainHash: string;
  readonly candidates: number;
}

export async function insertPackage(db: Queryable, p: NewPackage): Promise<void> {
  await db.query(
    `INSERT INTO result_packages (id, site_id, sha256, format_version, session_id, session_name,
       session_starts_at, exam_id, exam_title, occupation_and_level, generated_at, received_at,
       received_by, byte_size, chain_seq, chain_hash, candidates)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      p.id,
      p.siteId,
      p.sha256,
      p.formatVersion,
      p.sessionId,
      p.sessionName,
      p.sessionStartsAt,
      p.examId,
      p.examTitle,
      p.occupationAndLevel,
      p.generatedAt,
      p.receivedAt,
      p.receivedBy,
      p.byteSize,
      p.chainSeq,
      p.chainHash,
      p.candidates,
    ],
  );
}

/** The earlier package of the session is superseded (its results no longer current). */
export async function supersedePackage(db: Queryable, oldId: string, newId: string): Promise<void> {
  await db.query('UPDATE result_packages SET superseded_by = $2 WHERE id = $1', [oldId, newId]);
  await db.query('UPDATE theory_results SET current = false WHERE package_id = $1', [oldId]);
}

/** All rows in one statement (arrays unnested), whatever the roster size. */
export async function insertTheoryResults(
  db: Queryable,
  pkg: {
    readonly packageId: string;
    readonly siteId: string;
    readonly sessionId: string;
    readonly examId: string;
    readonly occupationAndLevel: string;
    readonly fullMarks: number;
  },
  rows: readonly TheoryResultRow[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const json = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));
  await db.query(
    `INSERT INTO theory_results (package_id, site_id, session_id, exam_id, occupation_and_level,
       full_marks, admission_ticket, name, id_number, room_name, seat, status, total, result,
       answers, item_points, answer_seconds)
     SELECT $1, $2, $3, $4, $5, $6, t.ticket, t.name, t.id_number, t.room, t.seat, t.status,
            t.total, t.result, t.answers::jsonb, t.item_points::jsonb, t.seconds
     FROM unnest($7::text[], $8::text[], $9::text[], $10::text[], $11::int[], $12::text[],
                 $13::numeric[], $14::text[], $15::text[], $16::text[], $17::numeric[])
       AS t(ticket, name, id_number, room, seat, status, total, result, answers, item_points,
            seconds)`,
    [
      pkg.packageId,
      pkg.siteId,
      pkg.sessionId,
      pkg.examId,
      pkg.occupationAndLevel,
      pkg.fullMarks,
      rows.map((r) => r.admissionTicket),
      rows.map((r) => r.name),
      rows.map((r) => r.idNumber),
      rows.map((r) => r.roomName),
      rows.map((r) => r.seat),
      rows.map((r) => r.status),
      rows.map((r) => r.total),
      rows.map((r) => r.result),
      rows.map((r) => json(r.answers)),
      rows.map((r) => json(r.itemPoints)),
      rows.map((r) => r.answerSeconds),
    ],
  );
  return rows.length;
}

export async function insertExamPaper(
  db: Queryable,
  paper: {
    readonly examId: string;
    readonly keysSha256: string;
    readonly title: string;
    readonly occupationAndLevel: string;
    readonly fullMarks: number;
    readonly passMark: number;
    readonly answerKeys: unknown;
    readonly items: unknown;
    readonly sections: unknown;
    readonly packageId: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO exam_papers (exam_id, keys_sha256, title, occupation_and_level, full_marks,
       pass_mark, answer_keys, items, sections, first_package_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10)
     ON CONFLICT (exam_id, keys_sha256) DO NOTHING`,
    [
      paper.examId,
      paper.keysSha256,
      paper.title,
      paper.occupationAndLevel,
      paper.fullMarks,
      paper.passMark,
      JSON.stringify(paper.answerKeys),
      JSON.stringify(paper.items),
      JSON.stringify(paper.sections),
      paper.packageId,
    ],
  );
}

/** Row counts of the ingest tables (tests and the bench: nothing written on a refusal). */
export async function ingestRowCounts(
  db: Queryable,
): Promise<{ packages: number; results: number; papers: number; audit: number }> {
  const rows = await db.query<{ packages: number; results: number; papers: number; audit: number }>(
    `SELECT (SELECT count(*) FROM result_packages)::int AS packages,
            (SELECT count(*) FROM theory_results)::int AS results,
            (SELECT count(*) FROM exam_papers)::int AS papers,
            (SELECT count(*) FROM audit_log)::int AS audit`,
  );
  const row = rows[0];
  if (row === undefined) throw new Error('count returned no row');
  return row;
}
