import { ackSchema, StaffLoginResultSchema, type IpcInput } from '@skillexam/shared';
import { CodedError } from '@skillexam/shared';
import { loadKioskSettings } from '../host/discovery/kiosk-settings';
import {
  afterFailure,
  decideExit,
  verifyOfflineExitHash,
  type ServerVerdict,
} from './security/exit-decision';

const StaffLoginReplySchema = ackSchema(StaffLoginResultSchema);

/** Asks the proctor server whether these are a staff member's credentials, and which role. */
export async function askServer(
  serverUrl: string | undefined,
  input: IpcInput<'exam:exit'>,
): Promise<ServerVerdict> {
  if (serverUrl === undefined) return { kind: 'unreachable' };
  let response: Response;
  try {
    response = await fetch(new URL('/api/auth/staff-login', serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: input.username, password: input.password }),
      signal: AbortSignal.timeout(8_000),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  const reply = StaffLoginReplySchema.safeParse(await response.json().catch(() => undefined));
  if (!reply.success) return { kind: 'unreachable' };
  if (!reply.data.ok) return { kind: 'rejected', message: reply.data.error.message };
  return { kind: 'accepted', role: reply.data.data.role, username: reply.data.data.username };
}

/**
 * The kiosk's exit gate (docs/decisions/0452): server first, offline hash only when the server
 * cannot be reached, a lockout after repeated failures. `quit` runs only when allowed.
 */
export function createExitGate(options: {
  readonly settingsFile: string;
  readonly quit: (who: string, via: string) => void;
  readonly now?: () => number;
}): (input: IpcInput<'exam:exit'>, serverUrl: string | undefined) => Promise<void> {
  const now = options.now ?? Date.now;
  let failures = 0;
  let lockedUntil: number | undefined;
  return async (input, serverUrl) => {
    const verdict = await askServer(serverUrl, input);
    const stored = loadKioskSettings(options.settingsFile).offlineExitHash;
    const offlineMatch =
      verdict.kind === 'unreachable' && stored !== undefined
        ? verifyOfflineExitHash(input.password, stored)
        : undefined;
    const decision = decideExit({ verdict, offlineMatch, lockedUntil, now: now() });
    if (!decision.allow) {
      const next = afterFailure(failures, now());
      failures = next.failures;
      if (next.lockedUntil !== undefined) lockedUntil = next.lockedUntil;
      throw new CodedError('FORBIDDEN', decision.message);
    }
    failures = 0;
    lockedUntil = undefined;
    options.quit(decision.who, decision.via);
  };
}
