import { AddCandidateRequestSchema, CandidateReasonRequestSchema } from '@skillexam/shared';
import type { Components } from '../components';
import type { Router } from '../http/router';
import { queryParam, readJsonInput, staffRoute } from '../http/staff-route';
import {
  addCandidate,
  listSessionCandidates,
  reinstateCandidate,
  withdrawCandidate,
} from './candidate-admin';

/*
 * 考生管理 over HTTP, the exam admin's (docs/decisions/0973–0976):
 *   GET  /api/sessions/candidates?sessionId=        the roster with status, and the withdrawn
 *   POST /api/sessions/candidates                   JSON AddCandidateRequest (photo as base64)
 *   POST /api/sessions/candidates/withdraw          JSON { sessionId, attemptId, reason }
 *   POST /api/sessions/candidates/reinstate         JSON { sessionId, attemptId, reason }
 * The exam-code reissue for one candidate is POST /api/sessions/admission-slips?ticket=.
 */

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
/** A 2 MB photo as base64 plus the other fields. */
const MAX_ADD_BYTES = 3_200_000;

export function addCandidateAdminRoutes(router: Router, components: Components): Router {
  const { store, now } = components;
  const deps = { db: store.db, now };
  const actor = (username: string) => `staff:${username}`;
  return router
    .get(
      '/api/sessions/candidates',
      staffRoute(deps, (_req, _staff, url) =>
        listSessionCandidates(store, queryParam(url, 'sessionId', ID)),
      ),
    )
    .post(
      '/api/sessions/candidates',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, AddCandidateRequestSchema, MAX_ADD_BYTES);
        return addCandidate(store, input, actor(staff.username), now());
      }),
    )
    .post(
      '/api/sessions/candidates/withdraw',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, CandidateReasonRequestSchema);
        return withdrawCandidate(store, input, actor(staff.username), now());
      }),
    )
    .post(
      '/api/sessions/candidates/reinstate',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, CandidateReasonRequestSchema);
        return reinstateCandidate(store, input, actor(staff.username), now());
      }),
    );
}
