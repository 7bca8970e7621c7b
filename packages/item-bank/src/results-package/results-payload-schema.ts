import {
  AnswerValueSchema,
  IsoDateTimeSchema,
  ItemTypeSchema,
  PaperAnswerKeysSchema,
} from '@skillexam/shared';
import { z } from 'zod';
import { ChainLinksSchema } from './chain-links';

/* The payload of a results package (docs/formats/results-package.md). */

const ResultCandidateSchema = z.strictObject({
  admissionTicketNumber: z.string().min(1),
  name: z.string().min(1),
  /** Full ID number: the centre issues certificates against it. */
  idNumber: z.string().min(1),
  roomName: z.string().min(1),
  seat: z.int().min(1),
  status: z.enum(['normal', 'absent', 'voided']),
  total: z.number().min(0).optional(),
  result: z.enum(['pass', 'fail', 'pending']).optional(),
  sectionPoints: z.array(z.number().min(0)).optional(),
  /** Points per item, aligned with the payload's `items`; 0 while an item awaits marking. */
  itemPoints: z.array(z.number().min(0)).optional(),
  /** 题号 of items still awaiting manual marking. */
  unmarkedItems: z.array(z.int().min(1)).optional(),
  /** Since version 2 (docs/decisions/0214): what the score is re-derived from. */
  attemptId: z.string().min(1).optional(),
  /** itemId → the answer given (latest value), for `results verify`. */
  answers: z.record(z.string(), AnswerValueSchema).optional(),
  /** itemId → final points of manually marked items. */
  manualMarks: z.record(z.string(), z.number().min(0)).optional(),
  /**
   * The attempt's status (`submitted`, `force_submitted`) as its chained score record names it,
   * with the ticket, name and ID number above (owner binding, docs/decisions/0213); absent for
   * scores chained before the binding.
   */
  attemptStatus: z.string().min(1).optional(),
  /**
   * A score stored before 0213 and adopted into the chain at the upgrade, exactly as stored:
   * its record is rebuilt from it; it cannot be recomputed (inputs unknown).
   */
  adoptedScore: z
    .looseObject({ total: z.number(), result: z.enum(['pass', 'fail', 'pending']) })
    .optional(),
  /**
   * Since version 3: seconds from the candidate's first stored answer to the submission
   * (supervision compares sites' mean answering times); left out when unknown.
   */
  answerSeconds: z.number().min(0).optional(),
  /** The chained `score.save` record this score is; its hash is recomputed from the above. */
  scoreRecord: z
    .strictObject({
      seq: z.int().min(1),
      at: z.number(),
      actor: z.string().min(1),
      prevHash: z.string().regex(/^[0-9a-f]{64}$/),
      hash: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .optional(),
});

/** The audit chain's head when the package was made: the final signed checkpoint. */
export const ResultsAuditSchema = z.strictObject({
  head: z.strictObject({
    seq: z.int().min(1),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    /** Ed25519 over the 32 bytes of `hash`, base64, by the audit signing key. */
    signature: z.base64(),
    at: z.number(),
  }),
  /** SPKI PEM of the audit signing key (its key id is `site.serverKeyId`). */
  publicKeyPem: z.string().min(1),
  /** Since version 3: the record headers up to the head (chain continuity, decision 1012). */
  links: ChainLinksSchema.optional(),
});
export type ResultsAudit = z.infer<typeof ResultsAuditSchema>;

export const ResultsPayloadSchema = z.strictObject({
  generatedAt: IsoDateTimeSchema,
  site: z.strictObject({
    name: z.string().min(1),
    serverKeyId: z.string().regex(/^[0-9a-f]{16}$/),
  }),
  session: z.strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    startsAt: IsoDateTimeSchema,
    durationMinutes: z.int().min(1),
  }),
  exam: z.strictObject({
    id: z.string().min(1),
    title: z.string().min(1),
    occupationAndLevel: z.string().min(1),
    fullMarks: z.number().positive(),
    passMark: z.number().min(0),
  }),
  sections: z.array(
    z.strictObject({
      title: z.string(),
      itemType: ItemTypeSchema,
      maxPoints: z.number().positive(),
    }),
  ),
  /** Every item of the paper in paper order; candidates' `itemPoints` follow this order. */
  items: z.array(
    z.strictObject({
      number: z.int().min(1),
      itemId: z.string().min(1),
      version: z.int().min(1),
      itemType: ItemTypeSchema,
      maxPoints: z.number().positive(),
    }),
  ),
  candidates: z.array(ResultCandidateSchema),
  /** Since version 2: the answer keys the scores are re-derived from, and the chain head. */
  answerKeys: PaperAnswerKeysSchema.optional(),
  audit: ResultsAuditSchema.optional(),
  summary: z.strictObject({
    registered: z.int().min(0),
    sat: z.int().min(0),
    absent: z.int().min(0),
    voided: z.int().min(0),
    passed: z.int().min(0),
    pending: z.int().min(0),
  }),
});
export type ResultsPayload = z.infer<typeof ResultsPayloadSchema>;
export type ResultsPayloadCandidate = z.infer<typeof ResultCandidateSchema>;
