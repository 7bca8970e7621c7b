import {
  RoomViewSchema,
  RosterPreviewSchema,
  SeatLayoutSchema,
  SessionViewSchema,
} from '@skillexam/shared';
import { z } from 'zod';
import { downloadFile, request, withQuery } from '../../api/http-api';

/*
 * The exam admin's set-up routes over HTTP (docs/decisions/0965–0968): sessions, exams, roster
 * preview and import, admission slips, seat maps. Every check happens on the server; this file
 * only says which route takes what (api/http-api.ts sends and parses).
 */

export const AdminSessionSchema = SessionViewSchema.extend({
  rooms: z.array(RoomViewSchema),
  candidates: z.number().optional(),
});
export type AdminSession = z.infer<typeof AdminSessionSchema>;

export const ExamListSchema = z.array(
  z.object({ examId: z.string(), title: z.string(), sessions: z.number() }),
);

const ImportResultSchema = z.object({
  imported: z.number(),
  createdRooms: z.array(z.object({ id: z.string(), name: z.string(), seatCount: z.number() })),
});

export const GridResultSchema = z.object({ layout: SeatLayoutSchema, saved: z.boolean() });

export function adminApi(token: string) {
  const get = <T extends z.ZodType>(path: string, schema: T) => request(token, schema, 'GET', path);
  const post = <T extends z.ZodType>(path: string, body: unknown, schema: T) =>
    request(token, schema, 'POST', path, body);
  const rosterQuery = (path: string, sessionId: string, file: File) =>
    withQuery(path, { sessionId, fileName: file.name });
  return {
    sessions: () => get('/api/sessions', z.array(AdminSessionSchema)),
    setup: (sessionId: string) =>
      get(
        withQuery('/api/sessions/setup', { sessionId }),
        AdminSessionSchema.extend({ checkInAt: z.number().optional() }),
      ),
    exams: () => get('/api/exams', ExamListSchema),
    create: (body: unknown) => post('/api/sessions', body, AdminSessionSchema),
    update: (body: unknown) => post('/api/sessions/update', body, AdminSessionSchema),
    previewRoster: (sessionId: string, file: File) =>
      post(rosterQuery('/api/sessions/roster-preview', sessionId, file), file, RosterPreviewSchema),
    importRoster: (sessionId: string, file: File) =>
      post(rosterQuery('/api/sessions/roster', sessionId, file), file, ImportResultSchema),
    grid: (body: unknown) => post('/api/sessions/room-grid', body, GridResultSchema),
    /** 准考证 PDF (new exam codes) for the session or one room; resolves with the file name. */
    slips(sessionId: string, roomId: string | undefined, site: string, ticket?: string) {
      const query: Record<string, string> = { sessionId, site };
      if (roomId !== undefined) query['roomId'] = roomId;
      if (ticket !== undefined) query['ticket'] = ticket;
      // i18n-exempt: fallback only; the server's Content-Disposition name wins
      const name = `准考证-${sessionId}${roomId === undefined ? '' : `-${roomId}`}${ticket === undefined ? '' : `-${ticket}`}.pdf`;
      // the name says which session, room or candidate; the server's is just 准考证.pdf
      return downloadFile(token, withQuery('/api/sessions/admission-slips', query), name, {
        method: 'POST',
        naming: 'ours',
      });
    },
  };
}
export type AdminApi = ReturnType<typeof adminApi>;
