import { listAttempts } from '../attempts/attempt-repository';
import type { ReadableDb } from '@skillexam/shared/sql';
import type { IncidentEntry, IncidentRecord } from '../pdf/index';
import { listRooms } from '../rooms/room-repository';
import { assignedSupervisors } from '../sessions/session-proctor-repository';
import { getSession } from '../sessions/session-repository';
import { listIncidents, staffActorsOfSession } from './incident-repository';

/*
 * The data of a session's 考场情况记录 PDF: the recorded incidents with their categories,
 * candidates, 处理结果 and who confirmed them; the candidate counts; the proctors who acted; the
 * session's 督考人员 (docs/decisions/0985).
 */

const NOT_PRESENT = new Set(['registered', 'logged_in', 'admitted', 'absent']);

const staffName = (actor: string): string => actor.replace(/^staff:/, '');

export function incidentEntries(db: ReadableDb, sessionId: string): IncidentEntry[] {
  return listIncidents(db, sessionId).map((incident) => {
    const confirmation =
      incident.confirmedBy === undefined
        ? '（待确认）'
        : `（${staffName(incident.createdBy)} 记录，${staffName(incident.confirmedBy)} 确认）`;
    return {
      at: incident.createdAt,
      category: incident.category,
      candidates: incident.candidates.map(
        (c) => `${c.admissionTicketNumber} ${c.name} (座位 ${c.seat})`,
      ),
      description: incident.description,
      action: `${incident.action === '' ? '记录' : incident.action}\n${confirmation}`,
    };
  });
}

export interface IncidentRecordOptions {
  readonly siteName: string;
  readonly occupationAndLevel: string;
  readonly now: Date;
}

export function buildIncidentRecord(
  db: ReadableDb,
  sessionId: string,
  options: IncidentRecordOptions,
): IncidentRecord {
  const session = getSession(db, sessionId);
  const attempts = listAttempts(db, sessionId);
  const rooms = listRooms(db, sessionId).map((room) => room.name);
  const proctors = staffActorsOfSession(db, sessionId).map(staffName);
  const absent = attempts.filter((a) => NOT_PRESENT.has(a.status)).length;
  return {
    examName: session.name,
    occupationAndLevel: options.occupationAndLevel,
    siteName: options.siteName,
    roomName: rooms.join('、'),
    startedAt: session.startedAt ?? session.scheduledStart,
    endedAt: session.endedAt ?? options.now.getTime(),
    counts: {
      registered: attempts.length,
      present: attempts.length - absent,
      absent,
      voided: attempts.filter((a) => a.status === 'voided').length,
    },
    proctors: [...new Set(proctors)],
    supervisors: assignedSupervisors(db, sessionId),
    incidents: incidentEntries(db, sessionId),
    printedAt: options.now,
  };
}
