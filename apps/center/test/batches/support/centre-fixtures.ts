import { createHash, randomUUID } from 'node:crypto';
import { chineseIdCheckChar, type PaperAnswerKeys } from '@skillexam/shared';
import { createPgAuditLog } from '../../../src/audit/pg-audit-log';
import type { CenterPrincipal } from '../../../src/auth/center-roles';
import type { CenterDb } from '../../../src/db/center-db';

/*
 * Rows the batch, supervision and statistics tests need in tables other helpers own:
 * organisations and staff (foundation), sites, result packages, theory results and exam papers
 * (ingest), written straight into the real tables as the ingest would leave them.
 */

export async function addOrganisation(
  db: CenterDb,
  name = `机构-${randomUUID()}`,
): Promise<string> {
  const id = `org-${randomUUID()}`;
  await db.query(
    `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
     VALUES ($1, 'Y', '0001', '44', $2, now(), 'test')`,
    [id, name],
  );
  return id;
}

export async function addStaff(
  db: CenterDb,
  role: CenterPrincipal['role'],
  organisationId?: string,
): Promise<CenterPrincipal> {
  const staffId = randomUUID();
  const username = `u${staffId.replace(/-/g, '').slice(0, 12)}`;
  await db.query(
    `INSERT INTO staff (id, username, display_name, role, organisation_id, password_hash, created_by)
     VALUES ($1, $2, $2, $3, $4, 'x', 'test')`,
    [staffId, username, role, organisationId ?? null],
  );
  return { staffId, username, role, ...(organisationId === undefined ? {} : { organisationId }) };
}

export async function addSite(
  db: CenterDb,
  organisationId: string,
  name = '站点',
): Promise<string> {
  const id = `site-${randomUUID()}`;
  const keyId = randomUUID().replace(/-/g, '').slice(0, 16);
  await db.query(
    `INSERT INTO sites (id, organisation_id, name, site_serial, key_id, public_key_pem, enrolled_at, enrolled_by)
     VALUES ($1, $2, $3, $5, $4, 'pem', now(), 'test')`,
    [
      id,
      organisationId,
      `${name}-${id.slice(5, 13)}`,
      keyId,
      String(Math.floor(Math.random() * 1e6)).padStart(6, '0'),
    ],
  );
  return id;
}

export interface TheoryResultSeed {
  readonly idNumber: string;
  readonly name: string;
  readonly status?: 'normal' | 'absent' | 'voided';
  readonly total?: number;
  readonly fullMarks?: number;
  readonly result?: 'pass' | 'fail' | 'pending';
  readonly roomName?: string;
  readonly answers?: unknown;
  readonly itemPoints?: readonly number[];
  readonly answerSeconds?: number;
}

export interface PackageSeed {
  readonly siteId: string;
  readonly sessionId: string;
  readonly examId: string;
  readonly occupationAndLevel: string;
  readonly receivedAt?: Date;
  readonly candidates: readonly TheoryResultSeed[];
}

/** A result package with its theory results; returns the results' ids in order. */
export async function addPackage(db: CenterDb, seed: PackageSeed): Promise<number[]> {
  const packageId = `pkg-${randomUUID()}`;
  const at = seed.receivedAt ?? new Date();
  await db.query(
    `INSERT INTO result_packages (id, site_id, sha256, format_version, session_id, session_name,
       session_starts_at, exam_id, exam_title, occupation_and_level, generated_at, received_at,
       received_by, byte_size, chain_seq, chain_hash, candidates)
     VALUES ($1, $2, $3, 3, $4, $4, $5, $6, $6, $7, $5, $5, 'test', 1, 1, repeat('0', 64), $8)`,
    [
      packageId,
      seed.siteId,
      createHash('sha256').update(packageId).digest('hex'),
      seed.sessionId,
      at,
      seed.examId,
      seed.occupationAndLevel,
      seed.candidates.length,
    ],
  );
  const sha256 = createHash('sha256').update(packageId).digest('hex');
  await db.transaction((tx) =>
    createPgAuditLog().append(tx, {
      actor: 'test',
      action: 'package.ingest',
      subject: sha256,
      details: { packageId, siteId: seed.siteId, sessionId: seed.sessionId, examId: seed.examId },
    }),
  );
  const ids: number[] = [];
  for (const [index, c] of seed.candidates.entries()) {
    const normal = (c.status ?? 'normal') === 'normal';
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO theory_results (package_id, site_id, session_id, exam_id, occupation_and_level,
         admission_ticket, name, id_number, room_name, seat, status, total, full_marks, result,
         answers, item_points, answer_seconds)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16::jsonb, $17)
       RETURNING id`,
      [
        packageId,
        seed.siteId,
        seed.sessionId,
        seed.examId,
        seed.occupationAndLevel,
        `T${String(index + 1).padStart(6, '0')}`,
        c.name,
        c.idNumber,
        c.roomName ?? '第1考场',
        index + 1,
        c.status ?? 'normal',
        normal ? (c.total ?? 0) : null,
        c.fullMarks ?? 100,
        normal ? (c.result ?? 'pass') : null,
        c.answers === undefined ? null : JSON.stringify(c.answers),
        c.itemPoints === undefined ? null : JSON.stringify(c.itemPoints),
        c.answerSeconds ?? null,
      ],
    );
    ids.push(row?.id ?? 0);
  }
  return ids;
}

/** The exam's paper (keys and items) as the ingest stores it with the exam's first package. */
export async function addExamPaper(
  db: CenterDb,
  keys: PaperAnswerKeys,
  occupationAndLevel = '电工（三级）',
): Promise<void> {
  const items = keys.sections.flatMap((section) =>
    section.items.map((item) => ({
      number: item.number,
      itemId: item.itemId,
      version: item.version,
      itemType: section.itemType,
      maxPoints: section.pointsEach,
    })),
  );
  await db.query(
    `INSERT INTO exam_papers (exam_id, keys_sha256, title, occupation_and_level, full_marks,
       pass_mark, answer_keys, items, sections, first_package_id)
     SELECT $1, $2, $1, $3, $4, $5, $6::jsonb, $7::jsonb, '[]'::jsonb, min(id)
     FROM result_packages WHERE exam_id = $1`,
    [
      keys.paperId,
      createHash('sha256').update(JSON.stringify(keys)).digest('hex'),
      occupationAndLevel,
      keys.fullMarks,
      keys.passMark,
      JSON.stringify(keys),
      JSON.stringify(items),
    ],
  );
}

/** A valid 18-digit Chinese ID number (check character computed) for a serial < 50,000. */
export function idNumberFor(serial: number): string {
  const year = 1950 + Math.floor(serial / 1000);
  const body = `440101${String(year)}0101${String(serial % 1000).padStart(3, '0')}`;
  return body + (chineseIdCheckChar(body) ?? '');
}
