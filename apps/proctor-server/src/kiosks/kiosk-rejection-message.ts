import { KIOSK_ENROLLMENT_OUTDATED_MESSAGE } from '@skillexam/shared';
import type { ProofProblem } from './kiosk-proof';

/**
 * What the kiosk is told when its proof is refused (docs/decisions/0216, 0218), for a login and
 * an exit grant alike. A wrong PC clock and an outdated enrollment are problems the room can fix
 * itself; the rest get one message. None says anything about tickets or usernames.
 */
export function kioskRejectionMessage(problem: ProofProblem): string {
  switch (problem) {
    case 'stale':
      return '考试机时钟与考点服务器相差超过 5 分钟，请校准时间后重试 (kiosk clock is off by more than 5 minutes)';
    case 'outdated-enrollment':
      return KIOSK_ENROLLMENT_OUTDATED_MESSAGE;
    default:
      return '本机不是已登记的考试机，请联系考务管理员 (this PC is not an enrolled exam kiosk)';
  }
}
