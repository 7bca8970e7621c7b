import { errorMessage } from '@skillexam/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useConsole } from '../../console-context';
import { siteAdminApi, type SiteAdminApi } from './site-admin-api';

/** The site routes with the signed-in admin's token. */
export function useAdminApi(): SiteAdminApi {
  const { login } = useConsole();
  return useMemo(() => siteAdminApi(login.token), [login.token]);
}

/** Loads `load(api)` once and on `reload()`; a failure is kept as the server's message. */
export function useAdminLoad<T>(load: (api: SiteAdminApi) => Promise<T>): {
  data: T | undefined;
  error: string | undefined;
  reload: () => void;
} {
  const api = useAdminApi();
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load(api).then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(undefined);
      },
      (err: unknown) => {
        if (live) setError(errorMessage(err));
      },
    );
    return () => {
      live = false;
    };
    // `load` is an inline reader of `api`: it runs again on `reload()` (tick), not per render
  }, [api, tick]);
  return { data, error, reload: useCallback(() => setTick((n) => n + 1), []) };
}

/** Copies `text`; the clipboard API needs a secure context, so a hidden textarea otherwise. */
export async function copyText(text: string): Promise<void> {
  if (window.isSecureContext && navigator.clipboard !== undefined) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}
