import {
  AssignSeatResultSchema,
  AutoSeatResultSchema,
  SessionSeatsSchema,
  type AssignSeatRequest,
  type AutoSeatRequest,
  type SeatingChartKind,
} from '@skillexam/shared';
import { useMemo } from 'react';
import { downloadFile, request, withQuery } from '../../api/http-api';
import { useConsole } from '../../console-context';

/*
 * The seat page's routes (docs/decisions/0977–0979): who sits where, 自动排座 (preview/save),
 * one candidate to a seat, and the 座位表 / 门贴 PDFs handed to the browser as downloads. Every
 * check happens on the server; this file only sends and parses.
 */

export function seatsApi(token: string) {
  return {
    seats: (sessionId: string) =>
      request(token, SessionSeatsSchema, 'GET', withQuery('/api/sessions/seats', { sessionId })),
    auto: (body: AutoSeatRequest) =>
      request(token, AutoSeatResultSchema, 'POST', '/api/sessions/seats/auto', body),
    assign: (body: AssignSeatRequest) =>
      request(token, AssignSeatResultSchema, 'POST', '/api/sessions/seats/assign', body),
    /** 座位表 or 门贴 of one room as a PDF download; resolves with the file name. */
    chart: (sessionId: string, roomId: string, kind: SeatingChartKind) =>
      downloadFile(
        token,
        withQuery('/api/sessions/seating-chart', { sessionId, roomId, kind }),
        `${kind}-${sessionId}-${roomId}.pdf`,
      ),
  };
}
export type SeatsApi = ReturnType<typeof seatsApi>;

/** The seat routes with the logged-in token. */
export function useSeatsApi(): SeatsApi {
  const { login } = useConsole();
  return useMemo(() => seatsApi(login.token), [login.token]);
}
