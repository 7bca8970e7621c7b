import { errorMessage } from '@skillexam/shared';
import type { HostInfo } from '@skillexam/shared';
import { useEffect, useState } from 'react';

export type HostState =
  | { readonly status: 'connecting' }
  | { readonly status: 'connected'; readonly info: HostInfo; readonly roundTripMs: number }
  | { readonly status: 'failed'; readonly message: string };

/** Asks the host who it is through window.desktop, timing the round trip. */
export function useHostInfo(): HostState {
  const [state, setState] = useState<HostState>({ status: 'connecting' });
  useEffect(() => {
    let cancelled = false;
    const started = performance.now();
    window.desktop.invoke('app:get-info', {}).then(
      (info) => {
        if (!cancelled) {
          setState({ status: 'connected', info, roundTripMs: performance.now() - started });
        }
      },
      (error: unknown) => {
        if (!cancelled) {
          setState({
            status: 'failed',
            message: errorMessage(error),
          });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
