export { timelineLabel } from './timeline-messages';

/** Timeline entries drawn in red. */
export const WARNING_KINDS: ReadonlySet<string> = new Set([
  'kiosk.focus_lost',
  'kiosk.display_changed',
  'kiosk.vm_suspected',
  'kiosk.remote_tool_found',
  'kiosk.server_cert_mismatch',
  'candidate.locked',
  'attempt.void',
  'answer.rejected',
]);
