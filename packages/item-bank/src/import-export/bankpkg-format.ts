import { createHash } from 'node:crypto';
import {
  AssetHashSchema,
  EntityIdSchema,
  IsoDateTimeSchema,
  ReviewStatusSchema,
  TagSchema,
} from '@skillexam/shared';
import { z } from 'zod';

/*
 * The native bank package (.bankpkg): a zip of
 *   manifest.json  — format, version, createdAt, itemCount, sha256 + mime of every entry
 *   items.jsonl    — one ExportItem per line (id, version, status, content, 鉴定点 code, …)
 *   assets/<hash>  — image bytes, named by their sha256
 */

export const BANKPKG_FORMAT = 'skillexam-bankpkg';
export const BANKPKG_VERSION = 1;
export const BANKPKG_MANIFEST = 'manifest.json';
export const BANKPKG_ITEMS = 'items.jsonl';
export const BANKPKG_ASSET_DIR = 'assets/';

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const BankpkgManifestSchema = z.object({
  format: z.literal(BANKPKG_FORMAT),
  version: z.int().min(1),
  createdAt: IsoDateTimeSchema,
  itemCount: z.int().min(0),
  entries: z.record(
    z.string(),
    z.object({ sha256: Sha256Schema, bytes: z.int().min(0), mime: z.string().optional() }),
  ),
});
export type BankpkgManifest = z.infer<typeof BankpkgManifestSchema>;

/** One line of items.jsonl before its content is restored and checked. */
export const BankpkgItemLineSchema = z.object({
  id: EntityIdSchema,
  version: z.int().min(1),
  status: ReviewStatusSchema,
  content: z.unknown(),
  pointCode: z.string().trim().min(1).max(100).optional(),
  tags: z.array(TagSchema).default([]),
  source: z.string().trim().min(1).max(200).optional(),
  enemyGroup: z.string().trim().min(1).max(64).optional(),
});

export function assetEntryName(hash: string): string {
  return `${BANKPKG_ASSET_DIR}${AssetHashSchema.parse(hash)}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
