import { createHash } from 'node:crypto';
import {
  EntityIdSchema,
  IsoDateTimeSchema,
  PaperSchema,
  type Blueprint,
  type Paper,
} from '@skillexam/shared';
import { z } from 'zod';
import { canonicalJson } from '../exam-package/canonical-json';
import type { AssembledForm } from './assemble-papers';

/*
 * 试卷档案: one assembled form as written by `qbank assemble --out` (paper-A.json) and stored
 * in the bank: the paper with pinned item versions, the blueprint it came from (id, version,
 * SHA-256), the seed, the solver's statistics and the independent checker's verdicts.
 */

export const PAPER_RECORD_FORMAT = 'skillexam-paper-record';

export const ConstraintCheckSchema = z.object({
  id: z.string(),
  label: z.string(),
  ok: z.boolean(),
  actual: z.string(),
  required: z.string(),
});

export const SolverStatsSchema = z.object({
  solver: z.string(),
  version: z.string(),
  status: z.string(),
  objective: z.number().optional(),
  timeMs: z.number().min(0),
  mipRelGap: z.number().min(0),
  timeLimitSeconds: z.number().positive(),
  variables: z.int().min(0),
  constraints: z.int().min(0),
});

export const PaperRecordSchema = z.object({
  format: z.literal(PAPER_RECORD_FORMAT),
  formatVersion: z.literal(1),
  paper: PaperSchema,
  form: z.string().regex(/^[A-Z]$/),
  formCount: z.int().min(1).max(26),
  blueprint: z.object({
    id: EntityIdSchema,
    version: z.int().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  seed: z.int(),
  maxOverlap: z.number().min(0).max(1),
  meanP: z.number().min(0).max(1),
  assembledAt: IsoDateTimeSchema,
  solver: SolverStatsSchema,
  checks: z.array(ConstraintCheckSchema),
});
export type PaperRecord = z.infer<typeof PaperRecordSchema>;

/** SHA-256 of the blueprint's canonical JSON (after defaults are applied). */
export function blueprintHash(blueprint: Blueprint): string {
  return createHash('sha256').update(canonicalJson(blueprint)).digest('hex');
}

export interface RecordContext {
  readonly blueprint: Blueprint;
  readonly seed: number;
  readonly formCount: number;
  readonly maxOverlap: number;
  readonly assembledAt: string;
}

export function toPaperRecord(form: AssembledForm, context: RecordContext): PaperRecord {
  return PaperRecordSchema.parse({
    format: PAPER_RECORD_FORMAT,
    formatVersion: 1,
    paper: form.paper,
    form: form.label,
    formCount: context.formCount,
    blueprint: {
      id: context.blueprint.id,
      version: context.blueprint.version,
      sha256: blueprintHash(context.blueprint),
    },
    seed: context.seed,
    maxOverlap: context.maxOverlap,
    meanP: Math.round(form.meanP * 1e6) / 1e6,
    assembledAt: context.assembledAt,
    solver: form.solver,
    checks: form.checks,
  });
}

export function paperRefs(paper: Paper) {
  return paper.sections.flatMap((section) => section.items);
}
