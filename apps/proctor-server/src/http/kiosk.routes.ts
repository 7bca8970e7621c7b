import {
  CodedError,
  ExitGrantRedeemSchema,
  ExitGrantRequestSchema,
  KIOSK_ENROLLMENT_OUTDATED_MESSAGE,
  KioskEnrollRequestSchema,
  KioskRevokeRequestSchema,
} from '@skillexam/shared';
import { keyIdOf } from '@skillexam/item-bank/exam-package';
import type { IncomingMessage } from 'node:http';
import { findAttempt } from '../attempts/attempt-repository';
import { resolveToken } from '../auth/tokens';
import { verifyStaffCredentials, type StaffCredentialDeps } from '../auth/staff-credentials';
import type { Components } from '../components';
import { proctorMaySee } from '../incidents/session-scope';
import { enrollmentFile } from '../kiosks/enrollment-file';
import { issueExitGrant, redeemExitGrant, type ExitGrantHolder } from '../kiosks/exit-grants';
import type { KioskProofVerifier } from '../kiosks/kiosk-proof';
import { enrollKiosk, listKiosks, revokeKiosk } from '../kiosks/kiosk-registry';
import { enrollmentPin } from '../tls/site-tls';
import { sendError, sendJson, type Router } from './router';
import { readJsonInput, staffRoute, type StaffRouteDeps } from './staff-route';

/*
 * Kiosk enrollment (admin, beside the setup endpoints; docs/decisions/0216) and the kiosk exit
 * grant (docs/decisions/0218):
 *   POST /api/kiosks/enroll   { name, serverUrl?, siteName? } → the PC's enrollment.json
 *   GET  /api/kiosks          every enrolled PC (no keys)
 *   POST /api/kiosks/revoke   { kioskId }
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
      staffRoute(staffDeps, ['admin'], async (req, staff) => {
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
      staffRoute(staffDeps, ['admin'], () => listKiosks(store.db)),
    )
    .post(
      '/api/kiosks/revoke',
      staffRoute(staffDeps, ['admin'], async (req, staff) => {
        const input = await readJsonInput(req, KioskRevokeRequestSchema);
        return revokeKiosk(store.db, store.audit, input.kioskId, `staff:${staff.username}`, now());
      }),
    )
    .post('/api/kiosk/exit-grant', async (req, res) => {
      try {
        const input = await readJsonInput(req, ExitGrantRequestSchema);
        const ip = req.socket.remoteAddress ?? 'unknown';
        // Who asks is checked before the password, so no script can use this as an oracle.
        const holder = exitHolder(deps, req, input.kioskProof, input.username);
        const staff = await verifyStaffCredentials(
          deps.credentials,
          input.username,
          input.password,
          ip,
        );
        if (holder.kind === 'attempt' && staff.role === 'proctor') {
          // strict: only a proctor assigned to the candidate's session (docs/decisions/0221)
          const sessionId = findAttempt(store.db, holder.attemptId)?.sessionId ?? '';
          if (!proctorMaySee(store.db, staff.username, sessionId)) {
            throw new CodedError(
              'FORBIDDEN',
              '您未被指派到本场考试 (you are not assigned to this session)',
            );
          }
        }
        const grant = issueExitGrant(store.db, store.audit, { holder, staff, ip }, now());
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

/** The attempt of a live candidate bearer token, or else the kiosk behind a valid proof. */
function exitHolder(
  deps: KioskRouteDeps,
  req: IncomingMessage,
  proof: Parameters<KioskProofVerifier['verify']>[1],
  username: string,
): ExitGrantHolder {
  const { store, now } = deps.components;
  const bearer = /^Bearer (\S{1,200})$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) {
    const subject = resolveToken(store.db, bearer, now());
    if (subject?.kind === 'candidate') return { kind: 'attempt', attemptId: subject.subject };
  }
  if (proof !== undefined) {
    const checked = deps.proofs.verify('exit-grant', proof, [username], now());
    if (checked.ok) return { kind: 'kiosk', kioskId: checked.kiosk.id };
    if (checked.problem === 'outdated-enrollment') {
      throw new CodedError('UNAUTHORIZED', KIOSK_ENROLLMENT_OUTDATED_MESSAGE);
    }
  }
  throw new CodedError(
    'UNAUTHORIZED',
    '只能在已登录或已登记的考试机上退出 (a candidate login or an enrolled kiosk is required)',
  );
}
