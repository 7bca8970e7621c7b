import { maskIdNumber, type CandidateIdentity } from '@skillexam/shared';
import type { AttemptRecord } from '../attempts/attempt-record';
import type { ReadableDb } from '@skillexam/shared/sql';
import { candidatePhotoRow, sessionIdentityRow } from './content-repository';
import { examMeta, levelView, occupationNameFromTitle } from '../exams/exam-meta';
import { seatLabel } from '../rooms/room-layout';
import { findRoom } from '../rooms/room-repository';

/**
 * 身份核对: what the kiosk shows before the candidate confirms — name, masked 身份证号, photo,
 * occupation and level (from the exam package; the session may name the occupation), room and seat.
 */
export function candidateIdentity(db: ReadableDb, attempt: AttemptRecord): CandidateIdentity {
  const meta = examMeta(db, attempt.examId);
  const session = sessionIdentityRow(db, attempt.sessionId);
  const room = findRoom(db, attempt.sessionId, attempt.roomId);
  const photo =
    attempt.photoHash === undefined ? undefined : candidatePhotoRow(db, attempt.photoHash);
  return {
    admissionNumber: attempt.admissionTicket,
    name: attempt.name,
    maskedIdNumber: maskIdNumber(attempt.idNumber),
    occupation: {
      code: meta.occupationCode ?? '',
      name: session?.occupation_name ?? occupationNameFromTitle(meta.title),
    },
    level: levelView(meta.level),
    room: room?.name ?? attempt.roomId,
    seat: (room === undefined ? undefined : seatLabel(room, attempt.seat)) ?? String(attempt.seat),
    ...(session === undefined ? {} : { scheduledStartAt: session.scheduled_start }),
    ...(photo === undefined
      ? {}
      : { photo: { mimeType: photo.mime_type, dataBase64: photo.bytes.toString('base64') } }),
  };
}
