import { contentAssetHashes } from '@skillexam/shared';
import {
  BANKPKG_FORMAT,
  BANKPKG_ITEMS,
  BANKPKG_MANIFEST,
  BANKPKG_VERSION,
  assetEntryName,
  sha256Hex,
  type BankpkgManifest,
} from './bankpkg-format';
import type { AssetLookup, ExportItem } from './item-file-types';
import { writeZip } from './zip-writer';

/** Writes a bank package; throws if an item refers to an asset the lookup does not have. */
export async function writeBankpkg(
  items: readonly ExportItem[],
  assets: AssetLookup,
  createdAt: string = new Date().toISOString(),
): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const lines = items.map((item) => JSON.stringify(item)).join('\n');
  const entries = new Map<string, Uint8Array>([
    [BANKPKG_ITEMS, encoder.encode(lines === '' ? '' : `${lines}\n`)],
  ]);
  const mimes = new Map<string, string>();
  for (const item of items) {
    for (const hash of contentAssetHashes(item.content)) {
      if (entries.has(assetEntryName(hash))) continue;
      const asset = assets(hash);
      if (asset === undefined) throw new Error(`Item ${item.id} refers to missing asset ${hash}`);
      entries.set(assetEntryName(hash), asset.bytes);
      mimes.set(assetEntryName(hash), asset.mime);
    }
  }
  const manifest: BankpkgManifest = {
    format: BANKPKG_FORMAT,
    version: BANKPKG_VERSION,
    createdAt,
    itemCount: items.length,
    entries: Object.fromEntries(
      [...entries].map(([name, data]) => {
        const mime = mimes.get(name);
        return [
          name,
          {
            sha256: sha256Hex(data),
            bytes: data.byteLength,
            ...(mime !== undefined ? { mime } : {}),
          },
        ];
      }),
    ),
  };
  return writeZip(
    new Map([[BANKPKG_MANIFEST, encoder.encode(JSON.stringify(manifest, null, 2))], ...entries]),
  );
}
