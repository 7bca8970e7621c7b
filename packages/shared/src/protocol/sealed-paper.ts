import { z } from 'zod';
import { AssetHashSchema } from '../content/asset-hash';
import { CandidatePaperSchema } from '../domain/candidate-paper';

/*
 * Content release (docs/architecture.md#security-model): the kiosk downloads its own variation of
 * the paper early, as AES-256-GCM ciphertext (`attempt:sealed-paper`), and receives the per-session
 * content key only when its attempt runs (`attempt:content-key`). The seal lives in the proctor
 * server and the open in the kiosk host (both node:crypto); this file holds only the shapes and the
 * AAD, so it stays runnable in a browser.
 */

const base64Of = (bytes: number) =>
  z.base64().refine((value) => base64ByteLength(value) === bytes, `expected ${bytes} bytes`);

/** Decoded length of a base64 string without decoding it. */
function base64ByteLength(value: string): number {
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  return (value.length / 4) * 3 - padding;
}

/** First 16 hex digits of SHA-256(content key): lets the kiosk match a key to its ciphertext. */
export const ContentKeyIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'a 16-hex-digit key id');

export const SealedPaperSchema = z.object({
  paperId: z.string().min(1),
  keyId: ContentKeyIdSchema,
  algorithm: z.literal('aes-256-gcm'),
  /** 12-byte GCM nonce, base64. */
  iv: base64Of(12),
  /** 16-byte GCM authentication tag, base64. */
  tag: base64Of(16),
  ciphertext: z.base64(),
});
export type SealedPaper = z.infer<typeof SealedPaperSchema>;

export const ContentKeySchema = z.object({
  keyId: ContentKeyIdSchema,
  /** The 32-byte AES-256 key, base64. */
  key: base64Of(32),
});
export type ContentKey = z.infer<typeof ContentKeySchema>;

export const SealedAssetSchema = z.object({
  mimeType: z.string().min(1).max(100),
  dataBase64: z.base64(),
});
export type SealedAsset = z.infer<typeof SealedAssetSchema>;

/**
 * The UTF-8 JSON inside a sealed paper: the candidate's own variation of the paper (item and
 * option order; option ids stay canonical) and every image it references, by asset hash.
 */
export const SealedPaperPlaintextSchema = z.object({
  paper: CandidatePaperSchema,
  assets: z.record(AssetHashSchema, SealedAssetSchema),
});
export type SealedPaperPlaintext = z.infer<typeof SealedPaperPlaintextSchema>;

/** Additional authenticated data: a sealed paper opens only for the attempt it was made for. */
export function sealedPaperAad(paperId: string, attemptId: string): string {
  return `${paperId}|${attemptId}`;
}
