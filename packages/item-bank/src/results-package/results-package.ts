import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJson } from '../exam-package/canonical-json';
import { keyIdOf } from '../exam-package/key-pairs';
import { z } from 'zod';
import { ResultsPayloadSchema, type ResultsPayload } from './results-payload-schema';

/*
 * The signed results package (成绩上报包) a site sends up to the certifying centre:
 * `{ format, version, payload, sha256, signature }` where `sha256` is the SHA-256 of the
 * canonical JSON of `payload` and `signature` is Ed25519 over the same bytes, by the site
 * server's key. See docs/formats/results-package.md.
 */

export const RESULTS_PACKAGE_FORMAT = 'skillexam-results';
/** Version 3 adds the audit record headers (`audit.links`) and `answerSeconds`; 1 and 2 still read. */
export const RESULTS_PACKAGE_VERSION = 3;

export const ResultsPackageSchema = z.strictObject({
  format: z.literal(RESULTS_PACKAGE_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(RESULTS_PACKAGE_VERSION)]),
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
  | {
      readonly ok: true;
      readonly payload: ResultsPayload;
      readonly keyId: string;
      readonly version: 1 | 2 | 3;
      /** SHA-256 of the canonical payload (the package's identity). */
      readonly sha256: string;
    }
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
  const { payload, sha256, signature, version } = envelope.data;
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
  if (version === 3 && checked.data.audit !== undefined && checked.data.audit.links === undefined)
    return {
      ok: false,
      code: 'PAYLOAD_INVALID',
      message: '第 3 版成绩包缺少审计链记录 (version 3 package without audit.links)',
    };
  return { ok: true, payload: checked.data, keyId: signature.keyId, version, sha256 };
}
