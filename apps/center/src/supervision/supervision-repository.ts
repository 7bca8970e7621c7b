import type { Queryable } from '../db/center-db';
import type { SiteGroup } from './site-comparison';

/*
 * SQL of supervision (read only): per-site moments of the current theory results, and the
 * answers of one room with each candidate's score band in the whole exam.
 */

interface MomentRow extends Omit<SiteGroup, 'histogram'> {
  readonly bins: Record<string, number> | null;
}

/** One row per site and occupation and level; scores on a 100-point scale. */
export async function readSiteGroups(
  q: Queryable,
  occupationAndLevel: string | undefined,
): Promise<SiteGroup[]> {
  const rows = await q.query<MomentRow>(
    `WITH scored AS (
       SELECT t.site_id, t.occupation_and_level, t.result, t.answer_seconds,
              100 * t.total / t.full_marks AS score
       FROM theory_results t
       WHERE t.current AND t.status = 'normal' AND t.result IN ('pass', 'fail')
         AND ($1::text IS NULL OR t.occupation_and_level = $1)),
     bins AS (
       SELECT site_id, occupation_and_level, jsonb_object_agg(bin, n) AS bins
       FROM (SELECT site_id, occupation_and_level, least(floor(score / 10), 9)::int AS bin,
                    count(*)::int AS n
             FROM scored GROUP BY 1, 2, 3) b
       GROUP BY 1, 2)
     SELECT s.site_id AS "siteId", st.name AS "siteName",
            s.occupation_and_level AS "occupationAndLevel",
            count(*)::int AS n, (count(*) FILTER (WHERE s.result = 'pass'))::int AS passed,
            sum(s.score) AS "scoreSum", sum(s.score * s.score) AS "scoreSquares",
            count(s.answer_seconds)::int AS "timedN",
            coalesce(sum(s.answer_seconds), 0) AS "secondsSum",
            coalesce(sum(s.answer_seconds * s.answer_seconds), 0) AS "secondsSquares",
            max(b.bins::text)::jsonb AS bins
     FROM scored s
     JOIN sites st ON st.id = s.site_id
     LEFT JOIN bins b ON b.site_id = s.site_id AND b.occupation_and_level = s.occupation_and_level
     GROUP BY s.site_id, st.name, s.occupation_and_level
     ORDER BY s.occupation_and_level, st.name`,
    [occupationAndLevel ?? null],
  );
  return rows.map(({ bins, ...row }) => ({
    ...row,
    histogram: Array.from({ length: 10 }, (_, bin) => bins?.[String(bin)] ?? 0),
  }));
}

export interface ExamPaperRow {
  readonly answerKeys: unknown;
  readonly items: unknown;
}

/** The papers (keys and items) an exam was scored against; more than one means they differ. */
export async function readExamPapers(q: Queryable, examId: string): Promise<ExamPaperRow[]> {
  return q.query<ExamPaperRow>(
    `SELECT answer_keys AS "answerKeys", items FROM exam_papers WHERE exam_id = $1`,
    [examId],
  );
}

export interface RoomCandidateRow {
  readonly id: number;
  readonly packageId: string;
  readonly packageSha256: string;
  readonly examId: string;
  readonly admissionTicket: string;
  readonly name: string;
  readonly seat: number;
  readonly answers: Record<string, unknown> | null;
  readonly band: number;
}

/** The exam of a site's session (its current results), or undefined. */
export async function readSessionExam(
  q: Queryable,
  siteId: string,
  sessionId: string,
): Promise<string | undefined> {
  const rows = await q.query<{ examId: string }>(
    `SELECT DISTINCT exam_id AS "examId" FROM theory_results
     WHERE site_id = $1 AND session_id = $2 AND current`,
    [siteId, sessionId],
  );
  return rows[0]?.examId;
}

/** Candidates who sat the exam (normal status, current results). */
export async function countExamCandidates(q: Queryable, examId: string): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM theory_results
     WHERE exam_id = $1 AND current AND status = 'normal'`,
    [examId],
  );
  return rows[0]?.n ?? 0;
}

const BANDED = `WITH banded AS (
  SELECT t.*, (ntile($2::int) OVER (ORDER BY t.total / t.full_marks, t.id)) - 1 AS band
  FROM theory_results t WHERE t.exam_id = $1 AND t.current AND t.status = 'normal')`;

/** The room's sitting candidates, with their score band among all of the exam's candidates. */
export async function readRoomCandidates(
  q: Queryable,
  room: { examId: string; bands: number; siteId: string; sessionId: string; roomName: string },
): Promise<RoomCandidateRow[]> {
  return q.query<RoomCandidateRow>(
    `${BANDED}
     SELECT b.id, b.package_id AS "packageId", p.sha256 AS "packageSha256", b.exam_id AS "examId",
            b.admission_ticket AS "admissionTicket", b.name, b.seat, b.answers, b.band::int AS band
     FROM banded b JOIN result_packages p ON p.id = b.package_id
     WHERE b.site_id = $3 AND b.session_id = $4 AND b.room_name = $5
     ORDER BY b.seat, b.id`,
    [room.examId, room.bands, room.siteId, room.sessionId, room.roomName],
  );
}

/** The rooms of a site's session. */
export async function readSessionRooms(
  q: Queryable,
  siteId: string,
  sessionId: string,
): Promise<string[]> {
  const rows = await q.query<{ roomName: string }>(
    `SELECT DISTINCT room_name AS "roomName" FROM theory_results
     WHERE site_id = $1 AND session_id = $2 AND current AND status = 'normal' ORDER BY 1`,
    [siteId, sessionId],
  );
  return rows.map((row) => row.roomName);
}

export interface AnswerTallyRow {
  readonly band: number;
  readonly itemId: string;
  /** The answer value as JSON text. */
  readonly answer: string;
  readonly n: number;
}

/** How often each answer was given to each item, per score band, across the whole exam. */
export async function readAnswerTallies(
  q: Queryable,
  examId: string,
  bands: number,
): Promise<AnswerTallyRow[]> {
  return q.query<AnswerTallyRow>(
    `${BANDED}
     SELECT b.band::int AS band, e.key AS "itemId", e.value::text AS answer, count(*)::int AS n
     FROM banded b, jsonb_each(coalesce(b.answers, '{}'::jsonb)) e
     GROUP BY 1, 2, 3`,
    [examId, bands],
  );
}

export interface AuditLink {
  readonly seq: number;
  readonly action: string;
  readonly at: Date;
}

/** Audit records about a package (its ingest), by the package's SHA-256. */
export async function readPackageAudit(q: Queryable, sha256: string): Promise<AuditLink[]> {
  return q.query<AuditLink>(
    `SELECT seq, action, at FROM audit_log WHERE subject = $1 ORDER BY seq`,
    [sha256],
  );
}
