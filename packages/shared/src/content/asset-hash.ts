import { z } from 'zod';

/**
 * Images and other binary assets are stored by content hash: the lowercase hex SHA-256 of the
 * bytes. The hash is the only thing a document holds; the caller turns it into a URL.
 */
export const AssetHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'Expected an asset hash: 64 lowercase hex characters (SHA-256)');
export type AssetHash = z.infer<typeof AssetHashSchema>;

export function isAssetHash(value: unknown): value is AssetHash {
  return AssetHashSchema.safeParse(value).success;
}
