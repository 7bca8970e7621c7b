import {
  AppErrorSchema,
  CodedError,
  RoomViewSchema,
  RosterPreviewSchema,
  SeatLayoutSchema,
  SessionViewSchema,
} from '@skillexam/shared';
import { z } from 'zod';

/*
 * The exam admin's set-up routes over HTTP (docs/decisions/0965–0968): sessions, exams, roster
 * preview and import, admission slips, seat maps. Every check happens on the server; this file
 * only sends, parses the envelope and hands files to the browser.
 */

const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);

async function unwrap<T extends z.ZodType>(res: Response, schema: T): Promise<z.infer<T>> {
  const envelope = EnvelopeSchema.safeParse(await res.json().catch(() => undefined));
  if (!envelope.success) throw new CodedError('INTERNAL', `服务器响应无效 (HTTP ${res.status})`);
  if (!envelope.data.ok)
    throw new CodedError(envelope.data.error.code, envelope.data.error.message);
  const parsed = schema.safeParse(envelope.data.data);
  if (!parsed.success) throw new CodedError('INTERNAL', `服务器响应无效 (HTTP ${res.status})`);
  return parsed.data;
}

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
  const auth = { authorization: `Bearer ${token}` };
  const get = async <T extends z.ZodType>(path: string, schema: T) =>
    unwrap(await fetch(path, { headers: auth }), schema);
  const post = async <T extends z.ZodType>(path: string, body: unknown, schema: T) =>
    unwrap(
      await fetch(path, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
      schema,
    );
  const upload = async <T extends z.ZodType>(path: string, file: File, schema: T) =>
    unwrap(
      await fetch(path, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/octet-stream' },
        body: file,
      }),
      schema,
    );
  const rosterQuery = (sessionId: string, file: File) =>
    new URLSearchParams({ sessionId, fileName: file.name }).toString();
  return {
    sessions: () => get('/api/sessions', z.array(AdminSessionSchema)),
    setup: (sessionId: string) =>
      get(
        `/api/sessions/setup?${new URLSearchParams({ sessionId }).toString()}`,
        AdminSessionSchema.extend({ checkInAt: z.number().optional() }),
      ),
    exams: () => get('/api/exams', ExamListSchema),
    create: (body: unknown) => post('/api/sessions', body, AdminSessionSchema),
    update: (body: unknown) => post('/api/sessions/update', body, AdminSessionSchema),
    previewRoster: (sessionId: string, file: File) =>
      upload(
        `/api/sessions/roster-preview?${rosterQuery(sessionId, file)}`,
        file,
        RosterPreviewSchema,
      ),
    importRoster: (sessionId: string, file: File) =>
      upload(`/api/sessions/roster?${rosterQuery(sessionId, file)}`, file, ImportResultSchema),
    grid: (body: unknown) => post('/api/sessions/room-grid', body, GridResultSchema),
    /** 准考证 PDF (new exam codes) for the session or one room; resolves with the file name. */
    async slips(
      sessionId: string,
      roomId: string | undefined,
      site: string,
      ticket?: string,
    ): Promise<string> {
      const query = new URLSearchParams({ sessionId, site });
      if (roomId !== undefined) query.set('roomId', roomId);
      if (ticket !== undefined) query.set('ticket', ticket);
      const res = await fetch(`/api/sessions/admission-slips?${query.toString()}`, {
        method: 'POST',
        headers: auth,
      });
      if (!res.ok) await unwrap(res, z.unknown());
      const name = `准考证-${sessionId}${roomId === undefined ? '' : `-${roomId}`}${ticket === undefined ? '' : `-${ticket}`}.pdf`;
      const url = URL.createObjectURL(await res.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return name;
    },
  };
}
export type AdminApi = ReturnType<typeof adminApi>;
