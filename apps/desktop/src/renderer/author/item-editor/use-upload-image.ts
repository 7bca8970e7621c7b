import { useCallback } from 'react';
import { useAssetCache } from '../asset-cache';
import { bank, fileToBase64 } from '../author-api';

/** Stores a pasted or picked image in the bank and the asset cache; resolves to its hash. */
export function useUploadImage(): (file: File) => Promise<string> {
  const assets = useAssetCache();
  return useCallback(
    async (file: File) => {
      const mime = file.type as 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
      const data = await fileToBase64(file);
      const { hash } = await bank('bank:put-asset', { mime, data });
      assets.put(hash, `data:${mime};base64,${data}`);
      return hash;
    },
    [assets],
  );
}
