import type { MarkingService } from './marking/marking-service';
import type { AnswerCollector } from './answers/answer-collector';
import type { AttemptService } from './attempts/attempt-service';
import type { Components } from './components';
import type { ExamCatalog } from './exams/exam-repository';
import type { IncidentService } from './incidents/incident-service';
import type { SessionService } from './sessions/session-service';
import type { Notifier } from './socket/notifier';

/** The services built once per application from its components and shared by all handlers. */
export interface ServerContext {
  readonly components: Components;
  readonly collector: AnswerCollector;
  readonly attempts: AttemptService;
  readonly sessions: SessionService;
  readonly catalog: ExamCatalog;
  readonly notifier: Notifier;
  readonly marking: MarkingService;
  readonly incidents: IncidentService;
}
