import type { CodedError, ProgressEventMessage } from '@skillexam/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { bank } from '../author-api';

/*
 * One long bank operation seen from the page (docs/decisions/0950): the page picks the
 * operation id, passes it with the call, follows the host's `bank:progress` pushes for it and
 * cancels by it.
 */

export type OperationView =
  | {
      readonly kind: 'running';
      /** What the page says before the first event arrives. */
      readonly title: string;
      readonly event?: ProgressEventMessage;
      readonly cancelling: boolean;
    }
  | { readonly kind: 'finished'; readonly summary: string };

/**
 * True for the failure of an operation the user cancelled (nothing was written). By its code:
 * the web shell's bridge is its own bundle, so its CodedError is not this bundle's class.
 */
export function isCancelled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as CodedError).code === 'CANCELLED';
}

function newOperationId(): string {
  return `op-${crypto.randomUUID()}`;
}

export function useOperation() {
  const [view, setView] = useState<OperationView>();
  const current = useRef<string | undefined>(undefined);

  useEffect(
    () =>
      window.desktop.subscribe((pushed) => {
        if (pushed.type !== 'bank:progress' || pushed.operationId !== current.current) return;
        setView((shown) => (shown?.kind === 'running' ? { ...shown, event: pushed.event } : shown));
      }),
    [],
  );

  /** Starts following a new operation; returns the id to pass with the call. */
  const begin = useCallback((title: string): string => {
    const id = newOperationId();
    current.current = id;
    setView({ kind: 'running', title, cancelling: false });
    return id;
  }, []);

  /** The operation ended: show `summary` at 100 %, or nothing. */
  const end = useCallback((summary?: string) => {
    current.current = undefined;
    setView(summary === undefined ? undefined : { kind: 'finished', summary });
  }, []);

  const cancel = useCallback(() => {
    const operationId = current.current;
    if (operationId === undefined) return;
    setView((shown) => (shown?.kind === 'running' ? { ...shown, cancelling: true } : shown));
    // The operation's own call then fails with CANCELLED; a late cancel finds nothing to stop.
    void bank('bank:cancel-operation', { operationId }).catch(() => undefined);
  }, []);

  return { view, begin, end, cancel };
}
