import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { bank } from './author-api';

/*
 * Bank images as data URLs for the editor and the preview. The bank stores images by hash; the
 * renderer asks the host for the ones it shows and keeps them for the session.
 */

class AssetCache {
  readonly #urls = new Map<string, string>();
  readonly #pending = new Map<string, Promise<void>>();
  readonly #listeners = new Set<() => void>();

  url(hash: string): string | undefined {
    return this.#urls.get(hash);
  }

  put(hash: string, dataUrl: string): void {
    this.#urls.set(hash, dataUrl);
    for (const listener of this.#listeners) listener();
  }

  load(hashes: readonly string[]): void {
    const missing = hashes.filter((hash) => !this.#urls.has(hash) && !this.#pending.has(hash));
    if (missing.length === 0) return;
    const request = bank('bank:assets', { hashes: missing }).then(
      ({ assets }) => {
        for (const asset of assets) this.#urls.set(asset.hash, asset.dataUrl);
      },
      () => undefined,
    );
    for (const hash of missing) this.#pending.set(hash, request);
    void request.then(() => {
      for (const hash of missing) this.#pending.delete(hash);
      for (const listener of this.#listeners) listener();
    });
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

const AssetContext = createContext<AssetCache | undefined>(undefined);

export function AssetProvider({ children }: { readonly children: ReactNode }) {
  const cache = useMemo(() => new AssetCache(), []);
  return <AssetContext.Provider value={cache}>{children}</AssetContext.Provider>;
}

export function useAssetCache(): AssetCache {
  const cache = useContext(AssetContext);
  if (cache === undefined) throw new Error('useAssetCache outside AssetProvider');
  return cache;
}

/** Data URLs for these hashes; re-renders when they arrive. */
export function useAssetUrls(hashes: readonly string[]): (hash: string) => string {
  const cache = useAssetCache();
  const [, setVersion] = useState(0);
  const key = hashes.join(',');
  useEffect(() => cache.subscribe(() => setVersion((v) => v + 1)), [cache]);
  useEffect(() => {
    cache.load(key === '' ? [] : key.split(','));
  }, [cache, key]);
  return (hash) => cache.url(hash) ?? '';
}
