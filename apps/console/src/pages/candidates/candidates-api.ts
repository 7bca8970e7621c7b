import {
  AddCandidateResultSchema,
  CandidateAdminListSchema,
  type AddCandidateRequest,
  type CandidateReasonRequest,
} from '@skillexam/shared';
import { z } from 'zod';
import { request, withQuery } from '../../api/http-api';

/*
 * 考生管理 routes (docs/decisions/0973–0976). Every check is the server's; this file sends
 * (api/http-api.ts) and reads a chosen photo as base64.
 */

const ReinstateResultSchema = z.object({ attemptId: z.string(), seat: z.number() });

export function candidatesApi(token: string) {
  return {
    list: (sessionId: string) =>
      request(
        token,
        CandidateAdminListSchema,
        'GET',
        withQuery('/api/sessions/candidates', { sessionId }),
      ),
    add: (body: AddCandidateRequest) =>
      request(token, AddCandidateResultSchema, 'POST', '/api/sessions/candidates', body),
    withdraw: (body: CandidateReasonRequest) =>
      request(token, z.unknown(), 'POST', '/api/sessions/candidates/withdraw', body),
    reinstate: (body: CandidateReasonRequest) =>
      request(token, ReinstateResultSchema, 'POST', '/api/sessions/candidates/reinstate', body),
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
