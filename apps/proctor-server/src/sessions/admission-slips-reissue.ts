import { CodedError } from '@skillexam/shared';
import { examCodeSecret } from '../auth/exam-code-secret';
import { transaction } from '@skillexam/shared/sql';
import type { Store } from '../db/store';
import { examMeta, levelView, occupationNameFromTitle } from '../exams/exam-meta';
import { renderAdmissionSlips, type AdmissionSlip } from '../pdf/index';
import { siteFingerprintIfPresent } from '../tls/site-tls';
import { generateExamCodes, hashExamCode } from '../roster/index';
import { findRoom } from '../rooms/room-repository';
import { registeredSlipRows, replaceExamCode } from './roster-repository';
import { getSession, occupationNameOf } from './session-repository';

/*
 * 准考证 download. Exam codes are stored only as HMACs, so a slip can be printed only when its
 * code is issued: printing slips (again) issues NEW codes to the candidates who have not logged
 * in yet — any earlier slip of theirs stops working — in one audited transaction. Candidates
 * already logged in keep their codes and get no slip.
 */

export interface SlipsRequest {
  readonly sessionId: string;
  readonly roomId?: string;
  /** One candidate's slip only (exam-code reissue for a lost slip). */
  readonly admissionTicketNumber?: string;
  readonly siteName: string;
}

export interface SlipsResult {
  readonly pdf: Uint8Array;
  readonly reissued: number;
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
  if (request.roomId !== undefined && findRoom(db, session.id, request.roomId) === undefined) {
    throw new CodedError('NOT_FOUND', `考场 ${request.roomId} 不在本场次 (unknown room)`);
  }
  const slips = transaction(db, () => {
    const rows = registeredSlipRows(db, session.id).filter(
      (row) =>
        (request.roomId === undefined || row.room_id === request.roomId) &&
        (request.admissionTicketNumber === undefined ||
          row.admission_ticket === request.admissionTicketNumber),
    );
    if (request.admissionTicketNumber !== undefined && rows.length === 0) {
      throw new CodedError(
        'NOT_FOUND',
        `准考证号 ${request.admissionTicketNumber}: 不在本场次名单中或已登录 (not a registered candidate)`,
      );
    }
    const secret = examCodeSecret(db);
    const codes = generateExamCodes(rows.length);
    const issued: AdmissionSlip[] = rows.map((row, index) => {
      const examCode = codes[index] ?? '';
      replaceExamCode(db, row.id, hashExamCode(examCode, secret));
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
  const occupation = occupationNameOf(db, session.id) ?? occupationNameFromTitle(meta.title);
  const level = levelView(meta.level).name;
  const pdf = await renderAdmissionSlips(slips, {
    examName: session.name,
    occupationAndLevel: level === '' ? occupation : `${occupation}（${level}）`,
    siteName: request.siteName,
    startsAt: session.scheduledStart,
    durationMinutes: Math.round(session.durationMs / 60_000),
    rules: session.rules,
    printedAt: new Date(now),
    siteCertFingerprint: siteFingerprintIfPresent(store.dataDir),
  });
  return { pdf, reissued: slips.length };
}
