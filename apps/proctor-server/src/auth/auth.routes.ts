import {
  CandidateLoginRequestSchema,
  StaffLoginRequestSchema,
  describeZodError,
} from '@skillexam/shared';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { readJsonBody, sendError, sendJson, type RouteHandler } from '../http/router';
import { candidateLogin, type CandidateLoginDeps } from './candidate-login';
import { staffLogin, type StaffLoginDeps } from './staff-accounts';

function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

function jsonRoute<S extends z.ZodType, R>(
  schema: S,
  handle: (input: z.infer<S>, ip: string) => Promise<R> | R,
): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const body = await readJsonBody(req);
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        sendJson(res, 400, {
          ok: false,
          error: { code: 'BAD_REQUEST', message: describeZodError(parsed.error) },
        });
        return;
      }
      sendJson(res, 200, { ok: true, data: await handle(parsed.data, clientIp(req)) });
    } catch (error) {
      sendError(res, error);
    }
  };
}

/** `POST /api/auth/staff-login` → a staff token (argon2id verified off the event loop). */
export function staffLoginRoute(deps: StaffLoginDeps): RouteHandler {
  return jsonRoute(StaffLoginRequestSchema, (input, ip) =>
    staffLogin(deps, input.username, input.password, ip),
  );
}

/** `POST /api/auth/candidate-login` → a candidate token for 准考证号 + exam code. */
export function candidateLoginRoute(deps: CandidateLoginDeps): RouteHandler {
  return jsonRoute(CandidateLoginRequestSchema, (input, ip) => candidateLogin(deps, input, ip));
}
