import { z } from 'zod';
import { sha256Hex } from './sha256';

/** What a candidate has answered for one item; `null` clears the answer. */
export const AnswerValueSchema = z.union([
  z.object({ kind: z.literal('true_false'), value: z.boolean() }),
  z.object({
    kind: z.literal('choice'),
    selected: z.array(z.string().regex(/^[A-F]$/)).max(6),
  }),
  z.object({
    kind: z.literal('blanks'),
    values: z.record(z.string().min(1).max(64), z.string().max(500)),
  }),
  z.object({ kind: z.literal('text'), text: z.string().max(20_000) }),
  z.null(),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

/** One journaled answer change: the unit of docs/architecture.md#the-answer-path. */
export const AnswerEventSchema = z.object({
  attemptId: z.string().min(1).max(64),
  seq: z.number().int().positive(),
  itemId: z.string().min(1).max(64),
  value: AnswerValueSchema,
  clientTime: z.iso.datetime(),
});
export type AnswerEvent = z.infer<typeof AnswerEventSchema>;

export const AnswerSaveResultSchema = z.object({
  /** Highest seq such that every event 1…seq of the attempt is durably stored. */
  ackedSeq: z.number().int().nonnegative(),
});
export type AnswerSaveResult = z.infer<typeof AnswerSaveResultSchema>;

/** The JSON of a value with object keys sorted, so equal values always give the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((entry) => canonicalJson(entry)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
}

/**
 * The answer state of an attempt as one canonical string: the latest value of every item that
 * has a non-null answer, sorted by item id. Choice selections are sorted too, since their order
 * carries no meaning. Kiosk and server hash this same text to compare their copies.
 */
export function canonicalAnswerState(answers: ReadonlyMap<string, AnswerValue>): string {
  const rows: string[] = [];
  for (const itemId of [...answers.keys()].sort()) {
    const value = answers.get(itemId);
    if (value === undefined || value === null) continue;
    const normal =
      value.kind === 'choice' ? { ...value, selected: [...value.selected].sort() } : value;
    rows.push(`${JSON.stringify(itemId)}:${canonicalJson(normal)}`);
  }
  return `{${rows.join(',')}}`;
}

/** Lower-case hex SHA-256 of `canonicalAnswerState`; compared on every resync. */
export function answerStateHash(answers: ReadonlyMap<string, AnswerValue>): string {
  return sha256Hex(canonicalAnswerState(answers));
}

/** Sent by the kiosk on every (re)connect, before it re-sends anything from its outbox. */
export const AttemptResyncPayloadSchema = z.object({
  attemptId: z.string().min(1).max(64),
  /** Highest seq the client has journaled. */
  clientSeq: z.number().int().nonnegative(),
  /** `answerStateHash` of the client's answers as far as the server has acked them. */
  stateHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AttemptResyncPayload = z.infer<typeof AttemptResyncPayloadSchema>;

export const AttemptResyncResultSchema = z.object({
  /** Highest contiguous seq stored: the client re-sends everything after it. */
  ackedSeq: z.number().int().nonnegative(),
  /** Every seq the server holds above `ackedSeq` (stored out of order); not needed again. */
  storedAbove: z.array(z.number().int().positive()),
  stateHash: z.string(),
  /** Whether the server's state hash equals the client's. */
  inSync: z.boolean(),
  /** The server's answers, sent only when the hashes differ or the client is behind the server. */
  answers: z
    .array(z.object({ itemId: z.string(), seq: z.number().int(), value: AnswerValueSchema }))
    .optional(),
  serverTime: z.number(),
});
export type AttemptResyncResult = z.infer<typeof AttemptResyncResultSchema>;
