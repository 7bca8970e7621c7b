import { createHash, createPublicKey, sign } from 'node:crypto';
import {
  CandidatePaperSchema,
  PaperAnswerKeysSchema,
  paperTotalPoints,
  sectionScoringPolicy,
} from '@skillexam/shared';
import { randomKey, sealAesGcm } from './aes-gcm';
import { canonicalJsonBytes } from './canonical-json';
import { keyIdOf, privateKeyFromPem, publicKeyFromPem } from './key-pairs';
import { wrapKey } from './key-wrap';
import { ANSWER_KEY_PURPOSE, CONTENT_KEY_PURPOSE, type Keyring } from './keyring';
import {
  assetEntryName,
  CONTENT_ENTRY,
  EXAMPKG_FORMAT,
  EXAMPKG_VERSION,
  KEYRING_ENTRY,
  KEYS_ENTRY,
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  type ExamPackageManifest,
  type PartDigest,
  type SignatureFile,
} from './manifest';
import { packagePaperMismatches, type PackagePaper } from './package-paper';
import { writeZip, type ZipEntryInput } from './zip-archive';

export interface WriteExamPackageInput extends PackagePaper {
  /** Images referenced by the paper, by asset hash (SHA-256 hex of the bytes). */
  readonly assets?: ReadonlyMap<string, Uint8Array>;
  /** The bank's Ed25519 signing key (PKCS#8 PEM). */
  readonly signerPrivateKeyPem: string;
  /** The destination site server's X25519 public key (SPKI PEM). */
  readonly recipientPublicKeyPem: string;
  readonly now: Date;
}

/** The associated data of an encrypted part: its format, version and entry name. */
export function partAad(entryName: string): string {
  return `${EXAMPKG_FORMAT}/${EXAMPKG_VERSION}/${entryName}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** First 16 hex digits of SHA-256 of the content key. */
export function contentKeyIdOf(contentKey: Uint8Array): string {
  return sha256Hex(contentKey).slice(0, 16);
}

function digest(bytes: Uint8Array): PartDigest {
  return { sha256: sha256Hex(bytes), size: bytes.length };
}

/**
 * Writes a signed, encrypted `.exampkg`. Fresh random content and answer-key keys each time.
 * Throws a TypeError when the inputs disagree (paper ids, item lists, asset hashes).
 */
export async function writeExamPackage(input: WriteExamPackageInput): Promise<Uint8Array> {
  const candidatePaper = CandidatePaperSchema.parse(input.candidatePaper);
  const answerKeys = PaperAnswerKeysSchema.parse(input.answerKeys);
  const problems = packagePaperMismatches({ paper: input.paper, candidatePaper, answerKeys });
  if (problems.length > 0) throw new TypeError(`Package inputs disagree: ${problems.join('; ')}`);
  const signerKey = privateKeyFromPem(input.signerPrivateKeyPem, 'ed25519');
  const recipientKey = publicKeyFromPem(input.recipientPublicKeyPem, 'x25519');

  const contentKey = randomKey();
  const answerKey = randomKey();
  const parts: ZipEntryInput[] = [
    {
      name: CONTENT_ENTRY,
      data: sealAesGcm(contentKey, canonicalJsonBytes(candidatePaper), partAad(CONTENT_ENTRY)),
    },
    {
      name: KEYS_ENTRY,
      data: sealAesGcm(answerKey, canonicalJsonBytes(answerKeys), partAad(KEYS_ENTRY)),
    },
  ];
  const keyring: Keyring = {
    algorithm: 'X25519-HKDF-SHA256-A256GCM',
    recipientKeyId: keyIdOf(recipientKey),
    contentKey: wrapKey(contentKey, recipientKey, CONTENT_KEY_PURPOSE),
    answerKey: wrapKey(answerKey, recipientKey, ANSWER_KEY_PURPOSE),
  };
  parts.push({ name: KEYRING_ENTRY, data: canonicalJsonBytes(keyring) });
  for (const [hash, bytes] of [...(input.assets ?? new Map<string, Uint8Array>())].sort(
    ([a], [b]) => a.localeCompare(b),
  )) {
    if (sha256Hex(bytes) !== hash) throw new TypeError(`Asset ${hash} does not hash to its name`);
    const name = assetEntryName(hash);
    parts.push({ name, data: sealAesGcm(contentKey, bytes, partAad(name)) });
  }

  const { paper } = input;
  const manifest: ExamPackageManifest = {
    format: EXAMPKG_FORMAT,
    version: EXAMPKG_VERSION,
    examId: paper.id,
    title: paper.title,
    standard: paper.standard,
    level: paper.level,
    sections: paper.sections.map((section) => ({
      title: section.title,
      itemType: section.itemType,
      itemCount: section.items.length,
      pointsEach: section.pointsEach,
      points: paperTotalPoints({ sections: [section] }),
      ...(section.itemType === 'multiple_choice'
        ? { scoringPolicy: sectionScoringPolicy(section) }
        : {}),
    })),
    durationMinutes: paper.durationMinutes,
    fullMarks: paper.fullMarks,
    passMark: paper.passMark,
    ...(paper.variation === undefined ? {} : { variation: paper.variation }),
    createdAt: input.now.toISOString(),
    parts: Object.fromEntries(parts.map((part) => [part.name, digest(part.data)])),
    contentKeyId: contentKeyIdOf(contentKey),
    signerKeyId: keyIdOf(createPublicKey(signerKey)),
    recipientKeyId: keyring.recipientKeyId,
  };
  const manifestBytes = canonicalJsonBytes(manifest);
  const signature: SignatureFile = {
    algorithm: 'Ed25519',
    keyId: manifest.signerKeyId,
    signature: sign(null, manifestBytes, signerKey).toString('base64'),
  };
  return writeZip([
    { name: MANIFEST_ENTRY, data: manifestBytes },
    { name: SIGNATURE_ENTRY, data: canonicalJsonBytes(signature) },
    ...parts,
  ]);
}
