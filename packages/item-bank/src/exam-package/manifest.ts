import {
  EntityIdSchema,
  IsoDateTimeSchema,
  ItemTypeSchema,
  MultipleChoiceScoringSchema,
  PaperVariationSchema,
  StandardRefSchema,
  TheoryLevelCodeSchema,
} from '@skillexam/shared';
import { z } from 'zod';

/*
 * manifest.json: what the package is, and the SHA-256 of every other part. The signature
 * covers the manifest's exact bytes (canonical JSON), so it binds every part by its hash.
 * It holds nothing secret: no item text, no key.
 */

export const EXAMPKG_FORMAT = 'exampkg';
export const EXAMPKG_VERSION = 1;

export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'signature.json';
export const CONTENT_ENTRY = 'content.enc';
export const KEYS_ENTRY = 'keys.enc';
export const KEYRING_ENTRY = 'keyring.json';
export const ASSET_ENTRY_PREFIX = 'assets/';

export function assetEntryName(assetHash: string): string {
  return `${ASSET_ENTRY_PREFIX}${assetHash}.enc`;
}

const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256');
const KeyIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'a 16-hex-digit key id');

export const PartDigestSchema = z.strictObject({
  sha256: Sha256HexSchema,
  size: z.int().min(0),
});
export type PartDigest = z.infer<typeof PartDigestSchema>;

export const ManifestSectionSchema = z.strictObject({
  title: z.string().min(1).max(100),
  itemType: ItemTypeSchema,
  itemCount: z.int().min(1),
  pointsEach: z.number().positive(),
  points: z.number().positive(),
  scoringPolicy: MultipleChoiceScoringSchema.optional(),
});
export type ManifestSection = z.infer<typeof ManifestSectionSchema>;

export const ExamPackageManifestSchema = z.strictObject({
  format: z.literal(EXAMPKG_FORMAT),
  version: z.literal(EXAMPKG_VERSION),
  /** The paper id (the exam this package sits). */
  examId: EntityIdSchema,
  title: z.string().min(1).max(200),
  standard: StandardRefSchema,
  level: TheoryLevelCodeSchema,
  sections: z.array(ManifestSectionSchema).min(1),
  durationMinutes: z.int().min(1).max(600),
  fullMarks: z.number().positive(),
  passMark: z.number().min(0),
  /** 乱序: whether the server shuffles items / options per candidate; absent = fixed order. */
  variation: PaperVariationSchema.optional(),
  createdAt: IsoDateTimeSchema,
  /** SHA-256 and size of every part except manifest.json and signature.json, by entry name. */
  parts: z.record(z.string().min(1).max(200), PartDigestSchema),
  /** First 16 hex digits of SHA-256(content key): lets a kiosk check the key it is given. */
  contentKeyId: KeyIdSchema,
  signerKeyId: KeyIdSchema,
  recipientKeyId: KeyIdSchema,
});
export type ExamPackageManifest = z.infer<typeof ExamPackageManifestSchema>;

export const SignatureFileSchema = z.strictObject({
  algorithm: z.literal('Ed25519'),
  keyId: KeyIdSchema,
  /** Ed25519 signature over the bytes of manifest.json, base64. */
  signature: z.base64(),
});
export type SignatureFile = z.infer<typeof SignatureFileSchema>;
