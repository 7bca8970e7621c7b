import type { SealedAsset } from '@skillexam/shared';
import { createContext } from 'react';

const RASTER = /^image\/(png|jpeg|gif|webp)$/;

/**
 * The paper's images as `data:` URLs, built in memory from the decrypted assets the host hands
 * over (never from a file or an unauthenticated URL). Only raster types are used; anything
 * else is left out and the shared renderer shows its placeholder.
 */
export function assetDataUrls(
  assets: Readonly<Record<string, SealedAsset>> | undefined,
): ReadonlyMap<string, string> {
  const urls = new Map<string, string>();
  for (const [hash, asset] of Object.entries(assets ?? {})) {
    const mime = asset.mimeType.toLowerCase();
    if (RASTER.test(mime) && /^[A-Za-z0-9+/=]*$/.test(asset.dataBase64))
      urls.set(hash, `data:${mime};base64,${asset.dataBase64}`);
  }
  return urls;
}

/** Where `ItemBodyView` looks images up; the practice paper has none. */
export const AssetUrlContext = createContext<ReadonlyMap<string, string>>(new Map());
