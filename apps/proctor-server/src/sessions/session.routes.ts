import { RoomLayoutPayloadSchema, SessionAssignPayloadSchema } from '@skillexam/shared';
import type { Components } from '../components';
import { consoleSessions } from '../console/console-sessions';
import { setRoomLayout } from '../rooms/room-layout';
import { listRooms } from '../rooms/room-repository';
import type { Router } from '../http/router';
import { reissueAdmissionSlips } from './admission-slips-reissue';
import { importRosterFile } from './roster-import';
import { unpackRosterUpload } from './roster-upload';
import { createSessionWithProctors } from './create-session-with-proctors';
import { assignProctors } from './session-proctors';
import { toSessionView, getSession } from './session-repository';
import { CreateSessionRequestSchema } from './session-request';
import {
  queryParam,
  readJsonInput,
  readRawBody,
  staffRoute,
  type StaffRouteDeps,
} from '../http/staff-route';

/*
 * Session setup over HTTP (admin; listing for every staff role):
 *   GET  /api/sessions                                   sessions with rooms and roster size
 *   POST /api/sessions                                   create (JSON CreateSessionInput
 *                                                        [+ proctors: usernames to assign])
 *   POST /api/sessions/proctors                          JSON { sessionId, usernames }: 监考员
 *                                                        assignment (replaces; docs/decisions/0221)
 *   POST /api/sessions/roster?sessionId=&fileName=       roster .xlsx/.csv or .zip with photos
 *   POST /api/sessions/admission-slips?sessionId=[&roomId=&ticket=&site=]  PDF, new exam codes
 *   POST /api/sessions/room-layout                       JSON { sessionId, roomId, layout }
 */

export const MAX_ROSTER_UPLOAD_BYTES = 100 * 1024 * 1024;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
// A plain file name: no folders, no control characters.
// eslint-disable-next-line no-control-regex
const FILE_NAME = /^[^/\\\u0000-\u001f]{1,200}$/u;

export function addSessionRoutes(router: Router, components: Components): Router {
  const { store, now } = components;
  const deps: StaffRouteDeps = { db: store.db, now };
  const actor = (username: string) => `staff:${username}`;
  return router
    .get(
      '/api/sessions',
      staffRoute(deps, (_req, staff) =>
        // the console's session list (a proctor sees only theirs, 0221), plus each room's seats
        consoleSessions(store.db, now(), staff).map(({ session, candidates }) => ({
          ...session,
          rooms: listRooms(store.db, session.id),
          candidates,
        })),
      ),
    )
    .post(
      '/api/sessions',
      staffRoute(deps, async (req, staff) => {
        const { proctors, ...input } = await readJsonInput(req, CreateSessionRequestSchema);
        const assigned = createSessionWithProctors(
          store.db,
          store.audit,
          input,
          proctors,
          actor(staff.username),
          now(),
        );
        return {
          ...toSessionView(getSession(store.db, input.id), now()),
          rooms: listRooms(store.db, input.id),
          proctors: assigned,
        };
      }),
    )
    .post(
      '/api/sessions/proctors',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, SessionAssignPayloadSchema);
        return {
          proctors: assignProctors(
            store.db,
            store.audit,
            input.sessionId,
            input.usernames,
            actor(staff.username),
            now(),
          ),
        };
      }),
    )
    .post(
      '/api/sessions/roster',
      staffRoute(deps, async (req, staff, url) => {
        const sessionId = queryParam(url, 'sessionId', ID);
        const fileName = queryParam(url, 'fileName', FILE_NAME);
        getSession(store.db, sessionId);
        const upload = await unpackRosterUpload(
          fileName,
          await readRawBody(req, MAX_ROSTER_UPLOAD_BYTES),
        );
        const result = await importRosterFile(
          store,
          sessionId,
          upload.bytes,
          {
            fileName: upload.fileName,
            ...(upload.photos === undefined ? {} : { photos: upload.photos }),
          },
          actor(staff.username),
          now(),
        );
        return {
          imported: result.issued.length,
          createdRooms: result.createdRooms,
          autoSeated: result.autoSeated,
          // The one-time exam codes, shown once: print them now or issue slips later.
          candidates: result.issued,
        };
      }),
    )
    .post(
      '/api/sessions/admission-slips',
      staffRoute(deps, async (_req, staff, url) => {
        const roomId = url.searchParams.get('roomId');
        const site = url.searchParams.get('site');
        const ticket = url.searchParams.get('ticket');
        const slips = await reissueAdmissionSlips(
          store,
          {
            sessionId: queryParam(url, 'sessionId', ID),
            siteName: site === null || site.trim() === '' ? '考点' : site.trim().slice(0, 100),
            ...(roomId === null ? {} : { roomId: queryParam(url, 'roomId', ID) }),
            ...(ticket === null
              ? {}
              : { admissionTicketNumber: queryParam(url, 'ticket', /^[A-Za-z0-9-]{1,32}$/) }),
          },
          actor(staff.username),
          now(),
        );
        return { file: slips.pdf, contentType: 'application/pdf', fileName: '准考证.pdf' };
      }),
    )
    .post(
      '/api/sessions/room-layout',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, RoomLayoutPayloadSchema);
        return setRoomLayout(store.db, store.audit, input, actor(staff.username), now());
      }),
    );
}
