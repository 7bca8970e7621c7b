import { CodedError, OccupationCodeSchema } from '@skillexam/shared';
import { z } from 'zod';
import type { CenterPrincipal } from '../auth/center-roles';
import type { CenterRequest, CenterRoute } from '../http/center-route';
import { approveBatch, returnBatch, submitBatch } from './batch-review';
import { importScores, MAX_SCORE_SHEET_BYTES } from './batch-scores';
import { addCandidates, createBatch, getBatch, listVisibleBatches } from './batch-service';
import { SCORE_SHEET_FIELDS, type ScoreSheetField } from './score-sheet-columns';

/*
 * /api/batches: organisation staff create batches, add candidates, import scores and submit;
 * another person approves or returns; centre admins and supervisors read every batch
 * (docs/center-batches.md).
 */

const READERS = ['org_staff', 'centre_admin', 'supervisor'] as const;

function principalOf(request: CenterRequest): CenterPrincipal {
  if (request.principal === undefined)
    throw new CodedError('UNAUTHORIZED', '请先登录 (login required)');
  return request.principal;
}

function idOf(request: CenterRequest): string {
  return request.params.id ?? '';
}

const json = (data: unknown, status?: number) =>
  ({ kind: 'json', data, ...(status === undefined ? {} : { status }) }) as const;

const Text = (max: number) => z.string().trim().min(1).max(max);

const CreateBatchBody = z
  .object({
    name: Text(100),
    occupationCode: OccupationCodeSchema,
    occupationName: Text(100),
    level: z.number().int().min(1).max(5),
    passRule: z
      .object({
        theory: z.number().min(0).max(100).optional(),
        skills: z.number().min(0).max(100).optional(),
        review: z.number().min(0).max(100).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const AddCandidatesBody = z
  .object({
    examId: Text(200).optional(),
    sessionId: Text(200).optional(),
    occupationAndLevel: Text(200).optional(),
  })
  .strict();

const ReturnBody = z.object({ reason: Text(500) }).strict();

/** Column mapping from the query: `?idNumber=证件号码&skills=D`. */
function mappingOf(query: URLSearchParams): Partial<Record<ScoreSheetField, string>> {
  const mapping: Partial<Record<ScoreSheetField, string>> = {};
  for (const field of SCORE_SHEET_FIELDS) {
    const value = query.get(field);
    if (value !== null && value.trim() !== '') mapping[field] = value.slice(0, 100);
  }
  return mapping;
}

export const BATCH_ROUTES: readonly CenterRoute[] = [
  {
    method: 'POST',
    path: '/api/batches',
    roles: ['org_staff'],
    body: CreateBatchBody,
    handle: async (ctx, request) =>
      json(
        await createBatch(
          ctx,
          principalOf(request),
          request.body as z.infer<typeof CreateBatchBody>,
        ),
        201,
      ),
  },
  {
    method: 'GET',
    path: '/api/batches',
    roles: READERS,
    handle: async (ctx, request) => json(await listVisibleBatches(ctx, principalOf(request))),
  },
  {
    method: 'GET',
    path: '/api/batches/:id',
    roles: READERS,
    handle: async (ctx, request) => json(await getBatch(ctx, principalOf(request), idOf(request))),
  },
  {
    method: 'POST',
    path: '/api/batches/:id/candidates',
    roles: ['org_staff'],
    body: AddCandidatesBody,
    handle: async (ctx, request) =>
      json(
        await addCandidates(
          ctx,
          principalOf(request),
          idOf(request),
          request.body as z.infer<typeof AddCandidatesBody>,
        ),
      ),
  },
  {
    method: 'POST',
    path: '/api/batches/:id/scores',
    roles: ['org_staff'],
    raw: { maxBytes: MAX_SCORE_SHEET_BYTES },
    handle: async (ctx, request) =>
      json(
        await importScores(ctx, principalOf(request), idOf(request), {
          fileName: (request.query.get('fileName') ?? '').slice(0, 200),
          bytes: request.body as Uint8Array,
          mapping: mappingOf(request.query),
        }),
      ),
  },
  {
    method: 'POST',
    path: '/api/batches/:id/submit',
    roles: ['org_staff'],
    handle: async (ctx, request) =>
      json(await submitBatch(ctx, principalOf(request), idOf(request))),
  },
  {
    method: 'POST',
    path: '/api/batches/:id/approve',
    roles: ['org_staff', 'centre_admin'],
    handle: async (ctx, request) =>
      json(await approveBatch(ctx, principalOf(request), idOf(request))),
  },
  {
    method: 'POST',
    path: '/api/batches/:id/return',
    roles: ['org_staff', 'centre_admin'],
    body: ReturnBody,
    handle: async (ctx, request) =>
      json(
        await returnBatch(
          ctx,
          principalOf(request),
          idOf(request),
          (request.body as z.infer<typeof ReturnBody>).reason,
        ),
      ),
  },
];
