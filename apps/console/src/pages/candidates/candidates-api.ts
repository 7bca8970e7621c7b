import {
  AddCandidateResultSchema,
  AppErrorSchema,
  CandidateAdminListSchema,
  CodedError,
  type AddCandidateRequest,
  type CandidateReasonRequest,
} from '@skillexam/shared';
import { z } from 'zod';

/*
 * 考生管理 routes (docs/decisions/0973–0976). Every check is the server's; this file sends,
 * unwraps the `{ ok, data | error }` envelope and reads a chosen photo as base64.
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

const ReinstateResultSchema = z.object({ attemptId: z.string(), seat: z.number() });

export function candidatesApi(token: string) {
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
    list: async (sessionId: string) =>
      unwrap(
        await fetch(`/api/sessions/candidates?${new URLSearchParams({ sessionId }).toString()}`, {
          headers: auth,
        }),
        CandidateAdminListSchema,
      ),
    add: (body: AddCandidateRequest) =>
      post('/api/sessions/candidates', body, AddCandidateResultSchema),
    withdraw: (body: CandidateReasonRequest) =>
      post('/api/sessions/candidates/withdraw', body, z.unknown()),
    reinstate: (body: CandidateReasonRequest) =>
      post('/api/sessions/candidates/reinstate', body, ReinstateResultSchema),
  };
}
export type CandidatesApi = ReturnType<typeof candidatesApi>;

/** A chosen photo file as `{ fileName, base64 }` for the add request. */
export async function photoPayload(file: File): Promise<{ fileName: string; base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, base64: btoa(binary) };
}
