import type { MessageKey } from './zh-CN';

/** English messages; `satisfies` makes a missing or an extra key a compile error. */
export const en = {
  'app.title': 'Vocational Skill Certification Theory Exam',
  'app.subtitle':
    'Computer-based theory exams and item banks built on national occupational skill standards',
  'app.authorMode': 'Authoring workbench',
  'app.examMode': 'Exam',
  'app.proctorConsole': 'Proctor console',

  'common.ok': 'OK',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.retry': 'Retry',
  'common.loading': 'Loading…',

  'level.apprentice': 'Apprentice',
  'level.5': 'Level 5 / Junior Worker',
  'level.4': 'Level 4 / Intermediate Worker',
  'level.3': 'Level 3 / Senior Worker',
  'level.2': 'Level 2 / Technician',
  'level.1': 'Level 1 / Senior Technician',
  'level.special_technician': 'Principal Technician',
  'level.chief_technician': 'Chief Technician',

  'itemType.true_false': 'True/false',
  'itemType.single_choice': 'Single choice',
  'itemType.multiple_choice': 'Multiple choice',
  'itemType.fill_blank': 'Fill in the blank',
  'itemType.short_answer': 'Short answer',

  'importance.X': 'Core',
  'importance.Y': 'General',
  'importance.Z': 'Auxiliary',

  'reviewStatus.draft': 'Draft',
  'reviewStatus.in_review': 'In review',
  'reviewStatus.approved': 'Approved',
  'reviewStatus.rejected': 'Rejected',
  'reviewStatus.retired': 'Retired',

  'sessionStatus.scheduled': 'Scheduled',
  'sessionStatus.check_in': 'Check-in',
  'sessionStatus.running': 'Running',
  'sessionStatus.paused': 'Paused',
  'sessionStatus.ended': 'Ended',

  'attemptStatus.registered': 'Not logged in',
  'attemptStatus.logged_in': 'Awaiting identity check',
  'attemptStatus.admitted': 'Admitted',
  'attemptStatus.in_progress': 'Answering',
  'attemptStatus.paused': 'Paused',
  'attemptStatus.submitted': 'Submitted',
  'attemptStatus.force_submitted': 'Force-submitted',
  'attemptStatus.absent': 'Absent',
  'attemptStatus.voided': 'Paper voided',

  'candidate.name': 'Name',
  'candidate.admissionTicketNumber': 'Admission ticket number',
  'candidate.idNumber': 'ID number',
  'candidate.seat': 'Seat',

  'exam.timeRemaining': 'Time remaining {time}',
  'exam.submit': 'Submit',
  'exam.savedLocally': 'Saved on this computer',
  'exam.savedToServer': 'Saved to the server',

  'error.badRequest': 'Invalid request; please check your input',
  'error.unauthorized': 'Not logged in or the session has expired; please log in again',
  'error.forbidden': 'You are not allowed to do this',
  'error.notFound': 'Not found',
  'error.conflict': 'The data has changed; refresh and try again',
  'error.rateLimited': 'Too many attempts; please wait and try again',
  'error.unavailable': 'The service is unavailable; please try again later',
  'error.internal': 'Internal error; please contact the administrator',
  'error.network': 'Network connection lost; retrying…',
  'error.timeout': 'The request timed out; please try again',

  'bridge.connecting': 'Connecting to the local service…',
  'bridge.connected': 'Connected to the local service',
  'bridge.disconnected': 'Disconnected from the local service',
  'bridge.hostRuntime': 'Host runtime',
  'bridge.runtime.electron': 'Desktop app (Electron)',
  'bridge.runtime.node': 'Node.js (web shell)',
} as const satisfies Record<MessageKey, string>;
