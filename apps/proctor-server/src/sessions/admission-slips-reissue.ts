import { CodedError } from '@skillexam/shared';
import { examCodeSecret } from '../auth/exam-code-secret';
import { queryAll, queryOne, run, sql, transaction } from '../db/sql';
import type { Store } from '../db/store';
import { examMeta, levelView, occupationNameFromTitle } from '../exams/exam-meta';
import { renderAdmissionSlips, type AdmissionSlip } from '../pdf/index';
import { siteFingerprintIfPresent } from '../tls/site-tls';
import { generateExamCodes, hashExamCode } from '../roster/index';
import { getSession } from './session-repository';

/*
 * 准考证 download. Exam codes are stored only as HMACs, so a slip can be printed only when its
 * code is issued: printing slips (again) issues NEW codes to the candidates who have not logged
 * in yet — any earlier slip of theirs stops working — in one audited transaction. Candidates
 * already logged in keep their codes and get no slip.
 */

export interface SlipsRequest {
  readonly sessionId: string;
  readonly roomId?: string;
  readonly siteName: string;
}

export interface SlipsResult {
  readonly pdf: Uint8Array;
  readonly reissued: number;
}

interface SlipRow {
  id: string;
  admission_ticket: string;
  name: string;
  id_number: string;
  room_id: string;
  room_name: string;
  seat: number;
  photo: Buffer | null;
}

export async function reissueAdmissionSlips(
  store: Store,
  request: SlipsRequest,
  actor: string,
  now: number,
): Promise<SlipsResult> {
  const { db, audit } = store;
  const session = getSession(db, request.sessionId);
  if (session.status === 'ended')
    throw new CodedError('CONFLICT', '考试场次已结束 (session ended)');
  if (
    request.roomId !== undefined &&
    queryOne(
      db,
      sql`SELECT 1 AS x FROM rooms WHERE session_id = ${session.id} AND id = ${request.roomId}`,
    ) === undefined
  ) {
    throw new CodedError('NOT_FOUND', `考场 ${request.roomId} 不在本场次 (unknown room)`);
  }
  const slips = transaction(db, () => {
    const rows = queryAll<SlipRow>(
      db,
      sql`SELECT a.id, a.admission_ticket, a.name, a.id_number, a.room_id, r.name AS room_name, a.seat,
                 p.bytes AS photo
          FROM attempts a
          JOIN rooms r ON r.session_id = a.session_id AND r.id = a.room_id
          LEFT JOIN candidate_photos p ON p.hash = a.photo_hash
          WHERE a.session_id = ${session.id} AND a.status = 'registered'
          ORDER BY a.room_id, a.seat`,
    ).filter((row) => request.roomId === undefined || row.room_id === request.roomId);
    const secret = examCodeSecret(db);
    const codes = generateExamCodes(rows.length);
    const issued: AdmissionSlip[] = rows.map((row, index) => {
      const examCode = codes[index] ?? '';
      run(
        db,
        sql`UPDATE attempts SET exam_code_hash = ${hashExamCode(examCode, secret)}, failed_logins = 0, locked_until = NULL
            WHERE id = ${row.id}`,
      );
      return {
        admissionTicketNumber: row.admission_ticket,
        name: row.name,
        idNumber: row.id_number,
        roomName: row.room_name,
        seat: row.seat,
        examCode,
        ...(row.photo === null ? {} : { photo: new Uint8Array(row.photo) }),
      };
    });
    audit.append(
      db,
      {
        actor,
        action: 'roster.reissue-codes',
        payload: {
          sessionId: session.id,
          ...(request.roomId === undefined ? {} : { roomId: request.roomId }),
          tickets: issued.map((slip) => slip.admissionTicketNumber),
        },
      },
      now,
    );
    return issued;
  });
  const meta = examMeta(db, session.examId);
  const occupation =
    queryOne<{ occupation_name: string | null }>(
      db,
      sql`SELECT occupation_name FROM sessions WHERE id = ${session.id}`,
    )?.occupation_name ?? occupationNameFromTitle(meta.title);
  const level = levelView(meta.level).name;
  const pdf = await renderAdmissionSlips(slips, {
    examName: session.name,
    occupationAndLevel: level === '' ? occupation : `${occupation}（${level}）`,
    siteName: request.siteName,
    startsAt: session.scheduledStart,
    durationMinutes: Math.round(session.durationMs / 60_000),
    printedAt: new Date(now),
    siteCertFingerprint: siteFingerprintIfPresent(store.dataDir),
  });
  return { pdf, reissued: slips.length };
}
