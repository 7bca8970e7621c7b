import {
  AppErrorSchema,
  AssignSeatResultSchema,
  AutoSeatResultSchema,
  CodedError,
  SessionSeatsSchema,
  type AssignSeatRequest,
  type AutoSeatRequest,
  type SeatingChartKind,
} from '@skillexam/shared';
import { useMemo } from 'react';
import { z } from 'zod';
import { useConsole } from '../../console-context';

/*
 * The seat page's routes (docs/decisions/0977–0979): who sits where, 自动排座 (preview/save),
 * one candidate to a seat, and the 座位表 / 门贴 PDFs handed to the browser as downloads. Every
 * check happens on the server; this file only sends and parses.
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

export function seatsApi(token: string) {
  const auth = { authorization: `Bearer ${token}` };
  const post = async <T extends z.ZodType>(path: string, body: unknown, schema: T) =>
    unwrap(
      await fetch(path, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
      schema,
    );
  return {
    seats: async (sessionId: string) =>
      unwrap(
        await fetch(`/api/sessions/seats?${new URLSearchParams({ sessionId }).toString()}`, {
          headers: auth,
        }),
        SessionSeatsSchema,
      ),
    auto: (body: AutoSeatRequest) => post('/api/sessions/seats/auto', body, AutoSeatResultSchema),
    assign: (body: AssignSeatRequest) =>
      post('/api/sessions/seats/assign', body, AssignSeatResultSchema),
    /** 座位表 or 门贴 of one room as a PDF download; resolves with the file name. */
    async chart(sessionId: string, roomId: string, kind: SeatingChartKind): Promise<string> {
      const query = new URLSearchParams({ sessionId, roomId, kind });
      const res = await fetch(`/api/sessions/seating-chart?${query.toString()}`, { headers: auth });
      if (!res.ok) await unwrap(res, z.unknown());
      const disposition = res.headers.get('content-disposition') ?? '';
      const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
      const name =
        match?.[1] === undefined
          ? `${kind}-${sessionId}-${roomId}.pdf`
          : decodeURIComponent(match[1]);
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
export type SeatsApi = ReturnType<typeof seatsApi>;

/** The seat routes with the logged-in token. */
export function useSeatsApi(): SeatsApi {
  const { login } = useConsole();
  return useMemo(() => seatsApi(login.token), [login.token]);
}
