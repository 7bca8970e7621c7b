import {
  CodedError,
  ExitGrantRedeemSchema,
  ExitGrantRequestSchema,
  type ExitGrantRequest,
  KioskEnrollRequestSchema,
  KioskRevokeRequestSchema,
} from '@skillexam/shared';
import { keyIdOf } from '@skillexam/item-bank/exam-package';
import type { IncomingMessage } from 'node:http';
import { liveAttemptsAtKiosk } from '../auth/token-repository';
import { resolveToken } from '../auth/tokens';
import { verifyStaffCredentials, type StaffCredentialDeps } from '../auth/staff-credentials';
import type { Components } from '../components';
import { sessionOfAttempt } from '../attempts/attempt-repository';
import { assertStaffMaySee } from '../auth/session-scope';
import { sendError, sendJson, type Router } from '../http/router';
import { readJsonInput, staffRoute, type StaffRouteDeps } from '../http/staff-route';
import { enrollmentPin } from '../tls/site-tls';
import { enrollmentFile } from './enrollment-file';
import { issueExitGrant, redeemExitGrant, type ExitGrantHolder } from './exit-grants';
import type { KioskProofVerifier } from './kiosk-proof';
import { kioskRejectionMessage } from './kiosk-rejection-message';
import { enrollKiosk, listKiosks, revokeKiosk } from './kiosk-registry';

/*
 * Kiosk enrollment (admin, beside the setup endpoints; docs/decisions/0216) and the kiosk exit
 * grant (docs/decisions/0218):
 *   POST /api/kiosks/enroll   { name, serverUrl?, siteName? } → the PC's enrollment.json
 *   GET  /api/kiosks          every enrolled PC (no keys)
 *   POST /api/kiosks/revoke   { kioskId, reason }  the reason is audited (docs/decisions/0986)
 *   POST /api/kiosk/exit-grant  candidate bearer token or kiosk proof + a proctor's credentials
 *   POST /api/kiosk/exit        { grant } spends it once
 */

const DEFAULT_SITE_NAME = '考点';

export interface KioskRouteDeps {
  readonly components: Components;
  readonly credentials: StaffCredentialDeps;
  readonly proofs: KioskProofVerifier;
}

export function addKioskRoutes(router: Router, deps: KioskRouteDeps): Router {
  const { store, now } = deps.components;
  const staffDeps: StaffRouteDeps = { db: store.db, now };
  return router
    .post(
      '/api/kiosks/enroll',
      staffRoute(staffDeps, async (req, staff) => {
        const input = await readJsonInput(req, KioskEnrollRequestSchema);
        const kiosk = enrollKiosk(
          store.db,
          store.audit,
          input.name,
          `staff:${staff.username}`,
          now(),
        );
        return enrollmentFile({
          siteName: input.siteName ?? DEFAULT_SITE_NAME,
          siteKeyId: keyIdOf(store.serverKey.publicKey),
          kiosk,
          serverUrl: input.serverUrl,
          serverCertFingerprint: enrollmentPin(store.dataDir),
        });
      }),
    )
    .get(
      '/api/kiosks',
      staffRoute(staffDeps, () => listKiosks(store.db)),
    )
    .post(
      '/api/kiosks/revoke',
      staffRoute(staffDeps, async (req, staff) => {
        const input = await readJsonInput(req, KioskRevokeRequestSchema);
        const actor = `staff:${staff.username}`;
        return revokeKiosk(store.db, store.audit, input.kioskId, actor, now(), input.reason);
      }),
    )
    .post('/api/kiosk/exit-grant', async (req, res) => {
      try {
        const input = await readJsonInput(req, ExitGrantRequestSchema);
        const ip = req.socket.remoteAddress ?? 'unknown';
        // Who asks is checked before the password, so no script can use this as an oracle.
        const holder = exitHolder(deps, req, input);
        const staff = await verifyStaffCredentials(
          deps.credentials,
          input.username,
          input.password,
          ip,
        );
        // strict: a proctor releases only the candidates of a session assigned to them (0221)
        for (const attemptId of holder.attemptIds) {
          assertStaffMaySee(store.db, staff, sessionOfAttempt(store.db, attemptId) ?? '');
        }
        const grant = issueExitGrant(
          store.db,
          store.audit,
          { holder: holder.holder, staff, ip },
          now(),
        );
        sendJson(res, 200, { ok: true, data: grant });
      } catch (error) {
        sendError(res, error);
      }
    })
    .post('/api/kiosk/exit', async (req, res) => {
      try {
        const input = await readJsonInput(req, ExitGrantRedeemSchema);
        sendJson(res, 200, {
          ok: true,
          data: redeemExitGrant(store.db, store.audit, input.grant, now()),
        });
      } catch (error) {
        sendError(res, error);
      }
    });
}

/**
 * Who asks for the exit grant, and every attempt it would release: the attempt of a live
 * candidate bearer token, or else the kiosk behind a valid proof — mapped to the candidate whose
 * live token was issued at that kiosk (migration 0150), since the real kiosk may send its proof
 * alone. Every attempt listed goes through the proctor's session scope.
 */
function exitHolder(
  deps: KioskRouteDeps,
  req: IncomingMessage,
  input: ExitGrantRequest,
): { holder: ExitGrantHolder; attemptIds: readonly string[] } {
  const { store, now } = deps.components;
  const { kioskProof: proof, username } = input;
  const bearer =
    /^Bearer (\S{1,200})$/.exec(req.headers.authorization ?? '')?.[1] ?? input.candidateToken;
  if (bearer !== undefined) {
    const subject = resolveToken(store.db, bearer, now());
    if (subject?.kind === 'candidate') {
      const attemptIds = [
        subject.subject,
        ...(subject.kioskId === undefined
          ? []
          : liveAttemptsAtKiosk(store.db, subject.kioskId, now())),
      ];
      const holder: ExitGrantHolder = {
        kind: 'attempt',
        attemptId: subject.subject,
        ...(subject.kioskId === undefined ? {} : { kioskId: subject.kioskId }),
      };
      return { holder, attemptIds };
    }
  }
  if (proof === undefined) {
    throw new CodedError(
      'UNAUTHORIZED',
      '只能在已登录或已登记的考试机上退出 (a candidate login or an enrolled kiosk is required)',
    );
  }
  const checked = deps.proofs.verify('exit-grant', proof, [username], now());
  if (!checked.ok) throw new CodedError('UNAUTHORIZED', kioskRejectionMessage(checked.problem));
  const kioskId = checked.kiosk.id;
  const attemptIds = liveAttemptsAtKiosk(store.db, kioskId, now());
  const [current] = attemptIds;
  const holder: ExitGrantHolder =
    current === undefined
      ? { kind: 'kiosk', kioskId }
      : { kind: 'attempt', attemptId: current, kioskId };
  return { holder, attemptIds };
}
