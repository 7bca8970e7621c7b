import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJson, keyIdOf } from '@skillexam/item-bank/exam-package';
import {
  AnswerValueSchema,
  IsoDateTimeSchema,
  ItemTypeSchema,
  PaperAnswerKeysSchema,
} from '@skillexam/shared';
import { z } from 'zod';

/*
 * The signed results package (成绩上报包) a site sends up to the certifying centre:
 * `{ format, version, payload, sha256, signature }` where `sha256` is the SHA-256 of the
 * canonical JSON of `payload` and `signature` is Ed25519 over the same bytes, by the site
 * server's key. See docs/formats/results-package.md.
 */

export const RESULTS_PACKAGE_FORMAT = 'skillexam-results';
export const RESULTS_PACKAGE_VERSION = 2;

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

export const ResultsPackageSchema = z.strictObject({
  format: z.literal(RESULTS_PACKAGE_FORMAT),
  version: z.union([z.literal(1), z.literal(RESULTS_PACKAGE_VERSION)]),
  payload: z.unknown(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.strictObject({
    algorithm: z.literal('Ed25519'),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
    value: z.base64(),
  }),
});

/** Signs a payload with the site server's Ed25519 private key (PKCS#8 PEM); returns the file bytes. */
export function signResultsPackage(payload: ResultsPayload, privateKeyPem: string): Uint8Array {
  const checked = ResultsPayloadSchema.parse(payload);
  const privateKey = createPrivateKey(privateKeyPem);
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new TypeError('A results package is signed with an Ed25519 key');
  const bytes = Buffer.from(canonicalJson(checked), 'utf8');
  const envelope = {
    format: RESULTS_PACKAGE_FORMAT,
    version: RESULTS_PACKAGE_VERSION,
    payload: checked,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    signature: {
      algorithm: 'Ed25519',
      keyId: keyIdOf(createPublicKey(privateKey)),
      value: sign(null, bytes, privateKey).toString('base64'),
    },
  };
  return new TextEncoder().encode(`${JSON.stringify(envelope)}\n`);
}

export type VerifyResultsPackageResult =
  | { readonly ok: true; readonly payload: ResultsPayload; readonly keyId: string }
  | {
      readonly ok: false;
      readonly code:
        | 'MALFORMED'
        | 'SIGNER_UNTRUSTED'
        | 'HASH_MISMATCH'
        | 'SIGNATURE_INVALID'
        | 'PAYLOAD_INVALID';
      readonly message: string;
    };

/** Checks the envelope, the payload hash, the signature against trusted keys, and the payload shape. */
export function verifyResultsPackage(
  bytes: Uint8Array,
  trustedPublicKeysPem: readonly string[],
): VerifyResultsPackageResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, code: 'MALFORMED', message: '不是有效的 JSON 文件 (not JSON)' };
  }
  const envelope = ResultsPackageSchema.safeParse(parsed);
  if (!envelope.success)
    return {
      ok: false,
      code: 'MALFORMED',
      message: `成绩包格式不对 (${envelope.error.issues[0]?.message ?? ''})`,
    };
  const { payload, sha256, signature } = envelope.data;
  let payloadBytes: Buffer;
  try {
    payloadBytes = Buffer.from(canonicalJson(payload), 'utf8');
  } catch {
    return {
      ok: false,
      code: 'MALFORMED',
      message: '成绩包内容无法规范化 (payload is not plain JSON)',
    };
  }
  if (createHash('sha256').update(payloadBytes).digest('hex') !== sha256) {
    return {
      ok: false,
      code: 'HASH_MISMATCH',
      message: '成绩内容与 SHA-256 不符，可能被修改 (payload hash mismatch)',
    };
  }
  const key = trustedPublicKeysPem
    .map((pem) => createPublicKey(pem))
    .find((candidate) => keyIdOf(candidate) === signature.keyId);
  if (key === undefined)
    return {
      ok: false,
      code: 'SIGNER_UNTRUSTED',
      message: `签名密钥 ${signature.keyId} 不受信任 (signer not trusted)`,
    };
  if (!verify(null, payloadBytes, key, Buffer.from(signature.value, 'base64'))) {
    return {
      ok: false,
      code: 'SIGNATURE_INVALID',
      message: '签名验证失败 (Ed25519 signature does not verify)',
    };
  }
  const checked = ResultsPayloadSchema.safeParse(payload);
  if (!checked.success)
    return {
      ok: false,
      code: 'PAYLOAD_INVALID',
      message: `成绩内容格式不对 (${checked.error.issues[0]?.message ?? ''})`,
    };
  return { ok: true, payload: checked.data, keyId: signature.keyId };
}
