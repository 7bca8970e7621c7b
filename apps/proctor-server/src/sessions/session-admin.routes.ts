import { CodedError, RoomGridRequestSchema, UpdateSessionRequestSchema } from '@skillexam/shared';
import type { Components } from '../components';
import type { Router } from '../http/router';
import { queryParam, readJsonInput, readRawBody, staffRoute } from '../http/staff-route';
import { gridLayout } from '../rooms/grid-layout';
import { setRoomLayout } from '../rooms/room-layout';
import { findRoom, listRooms } from '../rooms/room-repository';
import { previewRoster } from './roster-preview';
import { unpackRosterUpload } from './roster-upload';
import { updateSession } from './session-edit';
import { autoCheckInAtOf, getSession, toSessionView } from './session-repository';
import { MAX_ROSTER_UPLOAD_BYTES } from './session.routes';

/*
 * The exam admin's session pages (docs/decisions/0965–0967):
 *   GET  /api/sessions/setup?sessionId=                 one session for the edit form, with its
 *                                                        rooms and automatic check-in time
 *   POST /api/sessions/update                            JSON UpdateSessionRequest: edit while
 *                                                        scheduled (before check-in), audited
 *   POST /api/sessions/roster-preview?sessionId=&fileName=   the roster upload of
 *                                                        /api/sessions/roster, checked, nothing written
 *   POST /api/sessions/room-grid                         JSON RoomGridRequest: rows × columns
 *                                                        minus gaps; save: false draws only
 */

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
// eslint-disable-next-line no-control-regex
const FILE_NAME = /^[^/\\\u0000-\u001f]{1,200}$/u;

export function addSessionAdminRoutes(router: Router, components: Components): Router {
  const { store, now } = components;
  const deps = { db: store.db, now };
  const actor = (username: string) => `staff:${username}`;
  return router
    .get(
      '/api/sessions/setup',
      staffRoute(deps, (_req, _staff, url) => {
        const sessionId = queryParam(url, 'sessionId', ID);
        const at = autoCheckInAtOf(store.db, sessionId);
        return {
          ...toSessionView(getSession(store.db, sessionId), now()),
          rooms: listRooms(store.db, sessionId),
          ...(at === undefined ? {} : { checkInAt: at }),
        };
      }),
    )
    .post(
      '/api/sessions/update',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, UpdateSessionRequestSchema);
        updateSession(store.db, store.audit, input, actor(staff.username), now());
        return {
          ...toSessionView(getSession(store.db, input.id), now()),
          rooms: listRooms(store.db, input.id),
        };
      }),
    )
    .post(
      '/api/sessions/roster-preview',
      staffRoute(deps, async (req, _staff, url) => {
        const sessionId = queryParam(url, 'sessionId', ID);
        const fileName = queryParam(url, 'fileName', FILE_NAME);
        getSession(store.db, sessionId);
        const upload = await unpackRosterUpload(
          fileName,
          await readRawBody(req, MAX_ROSTER_UPLOAD_BYTES),
        );
        return previewRoster(store, sessionId, upload, now());
      }),
    )
    .post(
      '/api/sessions/room-grid',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, RoomGridRequestSchema);
        const layout = gridLayout(input.rows, input.columns, input.gaps);
        if (!input.save) {
          if (findRoom(store.db, input.sessionId, input.roomId) === undefined)
            throw new CodedError('NOT_FOUND', `考场 ${input.roomId} 不在场次 ${input.sessionId}`);
          return { layout, saved: false };
        }
        const room = setRoomLayout(
          store.db,
          store.audit,
          { sessionId: input.sessionId, roomId: input.roomId, layout },
          actor(staff.username),
          now(),
        );
        return { layout: room.layout, saved: true };
      }),
    );
}
