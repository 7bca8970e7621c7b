import {
  ackSchema,
  ExitGrantRedeemResultSchema,
  ExitGrantResultSchema,
  type IpcInput,
  type KioskEnrollment,
} from '@skillexam/shared';
import { CodedError } from '@skillexam/shared';
import { loadKioskSettings } from '../host/discovery/kiosk-settings';
import { signKioskProof } from '../host/exam-agent/kiosk-enrollment';
import { postJsonToSite, trustSite } from '../host/exam-agent/server-api';
import {
  afterFailure,
  decideExit,
  verifyOfflineExitHash,
  type ServerVerdict,
} from './security/exit-decision';

const GrantReplySchema = ackSchema(ExitGrantResultSchema);
const RedeemReplySchema = ackSchema(ExitGrantRedeemResultSchema);

/**
 * POST JSON to the server; with the enrollment's pin only to the pinned site (decision 0232), so
 * a proctor's password never reaches another server. A certificate mismatch throws, which the
 * callers treat like an unreachable server.
 */
async function postJson(url: URL, body: unknown, pin: string | undefined): Promise<unknown> {
  const trust = await trustSite(url.origin, pin);
  return (await postJsonToSite(url, body, trust)).json;
}

/**
 * Asks the proctor server for a single-use exit grant (docs/decisions/0218): the typed
 * credentials plus this PC's enrollment proof (and the candidate token of whoever is logged in
 * here, if anyone: the server checks the proctor is assigned to that candidate's session); never
 * a staff login, so no staff session ever exists on the candidate's PC. A kiosk without an enrollment asks without a proof and is
 * refused by a reachable server (a refusal is final).
 */
export async function askServer(
  serverUrl: string | undefined,
  input: IpcInput<'exam:exit'>,
  enrollment?: KioskEnrollment,
  now: () => number = Date.now,
  candidateToken?: string,
): Promise<ServerVerdict> {
  if (serverUrl === undefined) return { kind: 'unreachable' };
  let raw: unknown;
  try {
    raw = await postJson(
      new URL('/api/kiosk/exit-grant', serverUrl),
      {
        username: input.username,
        password: input.password,
        ...(enrollment === undefined
          ? {}
          : { kioskProof: signKioskProof(enrollment, 'exit-grant', [input.username], now()) }),
        ...(candidateToken === undefined ? {} : { candidateToken }),
      },
      enrollment?.serverCertFingerprint,
    );
  } catch {
    return { kind: 'unreachable' };
  }
  const reply = GrantReplySchema.safeParse(raw);
  if (!reply.success) return { kind: 'unreachable' };
  if (!reply.data.ok) return { kind: 'rejected', message: reply.data.error.message };
  const { grant, role, grantedBy } = reply.data.data;
  return { kind: 'accepted', role, username: grantedBy, grant };
}

/** Spends the grant once; the kiosk quits only when the server has recorded the exit. */
export async function redeemGrant(
  serverUrl: string,
  grant: string,
  pin?: string,
): Promise<boolean> {
  try {
    const reply = RedeemReplySchema.safeParse(
      await postJson(new URL('/api/kiosk/exit', serverUrl), { grant }, pin),
    );
    return reply.success && reply.data.ok;
  } catch {
    return false;
  }
}

/**
 * The kiosk's exit gate (docs/decisions/0452): server first, offline hash only when the server
 * cannot be reached, a lockout after repeated failures. `quit` runs only when allowed.
 */
export function createExitGate(options: {
  readonly settingsFile: string;
  /** This PC's enrollment (docs/decisions/0216): it signs the exit-grant request. */
  readonly enrollment?: KioskEnrollment;
  readonly quit: (who: string, via: string) => void;
  readonly now?: () => number;
}): (
  input: IpcInput<'exam:exit'>,
  serverUrl: string | undefined,
  candidateToken?: string,
) => Promise<void> {
  const now = options.now ?? Date.now;
  let failures = 0;
  let lockedUntil: number | undefined;
  return async (input, serverUrl, candidateToken) => {
    const verdict = await askServer(serverUrl, input, options.enrollment, now, candidateToken);
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
    if (
      verdict.kind === 'accepted' &&
      (serverUrl === undefined ||
        verdict.grant === undefined ||
        !(await redeemGrant(serverUrl, verdict.grant, options.enrollment?.serverCertFingerprint)))
    ) {
      throw new CodedError(
        'UNAVAILABLE',
        '退出授权未能确认，请重试 (the server did not confirm the exit grant)',
      );
    }
    failures = 0;
    lockedUntil = undefined;
    options.quit(decision.who, decision.via);
  };
}
