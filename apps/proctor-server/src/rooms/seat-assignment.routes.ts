import {
  AssignSeatRequestSchema,
  AutoSeatRequestSchema,
  CodedError,
  SeatingChartKindSchema,
} from '@skillexam/shared';
import type { Components } from '../components';
import type { Router } from '../http/router';
import { queryParam, readJsonInput, staffRoute, type FileReply } from '../http/staff-route';
import { getSession } from '../sessions/session-repository';
import { findRoom } from './room-repository';
import { seatHolders } from './seat-assignment-repository';
import { renderDoorList, renderSeatingChart } from './seating-chart-pdf';
import { SeedBook, assignSeat, autoAssignSeats, sessionSeats } from './seat-plans';

/*
 * The console's seat page (docs/decisions/0977–0979), exam admin only (ROUTE_ROLES):
 *   GET  /api/sessions/seats?sessionId=               rooms, maps and who sits where
 *   POST /api/sessions/seats/auto                     JSON AutoSeatRequest: 自动排座, save: false
 *                                                     previews; refused once check-in opens
 *   POST /api/sessions/seats/assign                   JSON AssignSeatRequest: one candidate to
 *                                                     a seat, swapping with its holder
 *   GET  /api/sessions/seating-chart?sessionId=&roomId=&kind=chart|door   座位表 / 门贴 PDF
 */

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function addSeatAssignmentRoutes(router: Router, components: Components): Router {
  const { store, now } = components;
  const deps = { db: store.db, now };
  const seatDeps = { db: store.db, audit: store.audit };
  const seeds = new SeedBook();
  const actor = (username: string) => `staff:${username}`;
  return router
    .get(
      '/api/sessions/seats',
      staffRoute(deps, (_req, _staff, url) =>
        sessionSeats(store.db, queryParam(url, 'sessionId', ID)),
      ),
    )
    .post(
      '/api/sessions/seats/auto',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, AutoSeatRequestSchema);
        return autoAssignSeats(seatDeps, seeds, input, actor(staff.username), now());
      }),
    )
    .post(
      '/api/sessions/seats/assign',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, AssignSeatRequestSchema);
        return assignSeat(seatDeps, input, actor(staff.username), now());
      }),
    )
    .get(
      '/api/sessions/seating-chart',
      staffRoute(deps, async (_req, _staff, url): Promise<FileReply> => {
        const sessionId = queryParam(url, 'sessionId', ID);
        const roomId = queryParam(url, 'roomId', ID);
        const kind = SeatingChartKindSchema.safeParse(url.searchParams.get('kind'));
        if (!kind.success) {
          throw new CodedError(
            'BAD_REQUEST',
            '查询参数 kind 应为 chart（座位表）或 door（门贴） (query parameter kind)',
          );
        }
        const session = getSession(store.db, sessionId);
        const room = findRoom(store.db, sessionId, roomId);
        if (room === undefined)
          throw new CodedError('NOT_FOUND', `考场 ${roomId} 不在场次 ${sessionId} (unknown room)`);
        const data = {
          sessionName: session.name,
          scheduledStart: session.scheduledStart,
          durationMinutes: session.durationMs / 60_000,
          roomName: room.name,
          layout: room.layout,
          candidates: seatHolders(store.db, sessionId, roomId),
          printedAt: new Date(now()),
        };
        const chart = kind.data === 'chart';
        const file = await (chart ? renderSeatingChart(data) : renderDoorList(data));
        return {
          file,
          contentType: 'application/pdf',
          fileName: `${chart ? '座位表' : '门贴'}-${sessionId}-${roomId}.pdf`,
        };
      }),
    );
}
