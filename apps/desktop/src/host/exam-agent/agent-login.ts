import { type ExamAgentOptions } from './agent-status';
import { signCandidateLogin } from './kiosk-enrollment';
import { loginCandidate } from './server-api';
import { type SiteTrust } from '../discovery/site-pin';

/**
 * Logs the candidate in with 准考证号 + exam code; an enrolled kiosk signs the login with its
 * private key (docs/decisions/0216).
 */
export function loginForAgent(
  options: ExamAgentOptions,
  admissionTicketNumber: string,
  examCode: string,
  trust: SiteTrust | undefined,
) {
  return loginCandidate(
    options.serverUrl,
    admissionTicketNumber,
    examCode,
    options.clientKind,
    options.clientIntegrity,
    trust,
    options.clientKind === 'kiosk' && options.enrollment !== undefined
      ? signCandidateLogin(
          options.enrollment,
          { admissionTicketNumber, examCode, clientIntegrity: options.clientIntegrity },
          Date.now(),
        )
      : undefined,
  );
}
