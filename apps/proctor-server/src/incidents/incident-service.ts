import {
  CodedError,
  IncidentCreatePayloadSchema,
  type IncidentCreatePayload,
  type IncidentView,
} from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { sessionOfAttempt } from '../attempts/attempt-repository';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import { getSession } from '../sessions/session-repository';
import type { Notifier } from '../socket/notifier';
import {
  findIncident,
  insertConfirmation,
  insertManualIncident,
  listIncidents,
} from './incident-repository';

export interface IncidentServiceDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly notifier: Notifier;
  readonly now: () => number;
}

/**
 * 考场情况记录: a proctor records an incident; a SECOND proctor confirms it (the one who recorded
 * it cannot, and nobody can confirm twice). Each change is audited in its own transaction and
 * pushed to the consoles of the staff who may see the session (`notifier.incidentChanged`).
 */
export class IncidentService {
  constructor(private readonly deps: IncidentServiceDeps) {}

  list(sessionId: string): IncidentView[] {
    getSession(this.deps.db, sessionId);
    return listIncidents(this.deps.db, sessionId);
  }

  create(input: IncidentCreatePayload, actor: string): IncidentView {
    const payload = IncidentCreatePayloadSchema.parse(input);
    const { db, audit } = this.deps;
    const now = this.deps.now();
    const id = transaction(db, () => {
      const session = getSession(db, payload.sessionId);
      if (session.status === 'scheduled')
        throw new CodedError(
          'CONFLICT',
          '考试场次尚未开始检录，不能记录考场情况 (session not open)',
        );
      for (const attemptId of payload.attemptIds) {
        if (sessionOfAttempt(db, attemptId) !== payload.sessionId)
          throw new CodedError(
            'BAD_REQUEST',
            `考生 ${attemptId} 不属于场次 ${payload.sessionId} (attemptIds: candidate not in session)`,
          );
      }
      const incidentId = insertManualIncident(db, { ...payload, actor, at: now });
      audit.append(
        db,
        { actor, action: 'incident.create', payload: { incidentId, ...payload } },
        now,
      );
      return incidentId;
    });
    return this.announce(id);
  }

  confirm(incidentId: number, actor: string): IncidentView {
    const { db, audit } = this.deps;
    const now = this.deps.now();
    transaction(db, () => {
      const incident = findIncident(db, incidentId);
      if (incident === undefined)
        throw new CodedError('NOT_FOUND', `考场情况记录 ${incidentId} 不存在 (unknown incident)`);
      if (incident.confirmedBy !== undefined)
        throw new CodedError(
          'CONFLICT',
          `该记录已由 ${incident.confirmedBy.replace(/^staff:/, '')} 确认 (already confirmed)`,
        );
      if (incident.createdBy === actor)
        throw new CodedError(
          'CONFLICT',
          '须由另一名监考人员确认，记录人不能确认自己的记录 (a second proctor must confirm)',
        );
      insertConfirmation(db, incidentId, actor, now);
      audit.append(
        db,
        {
          actor,
          action: 'incident.confirm',
          payload: { incidentId, sessionId: incident.sessionId },
        },
        now,
      );
    });
    return this.announce(incidentId);
  }

  private announce(incidentId: number): IncidentView {
    const view = this.get(incidentId);
    this.deps.notifier.incidentChanged(view);
    return view;
  }

  private get(incidentId: number): IncidentView {
    const view = findIncident(this.deps.db, incidentId);
    if (view === undefined) throw new CodedError('NOT_FOUND', `考场情况记录 ${incidentId} 不存在`);
    return view;
  }
}
