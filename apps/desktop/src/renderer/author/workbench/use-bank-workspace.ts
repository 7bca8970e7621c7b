import {
  errorMessage,
  type BankSession,
  type StandardSummaryView,
  type StandardTreeNode,
} from '@skillexam/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { bank } from '../author-api';

/** The open bank and user, its standards, the chosen standard's tree, and a refresh counter. */
export function useBankWorkspace() {
  const [session, setSession] = useState<BankSession>();
  const [error, setError] = useState<string>();
  const [standards, setStandards] = useState<StandardSummaryView[]>([]);
  const [standardId, setStandardId] = useState<string>();
  const [nodes, setNodes] = useState<StandardTreeNode[]>([]);
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    bank('bank:session', {}).then(setSession, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const bankOpen = session?.bank !== undefined && session.user !== undefined;

  const loadStandards = useCallback((prefer?: string) => {
    bank('bank:standards', {}).then(
      ({ standards: list }) => {
        setStandards(list);
        setStandardId((current) => prefer ?? current ?? list[0]?.id);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(() => {
    if (bankOpen) loadStandards();
  }, [bankOpen, session?.bank?.path, loadStandards]);

  useEffect(() => {
    if (!bankOpen || standardId === undefined) {
      setNodes([]);
      return;
    }
    bank('bank:standard-tree', { standardId }).then(
      ({ nodes: list }) => setNodes(list),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [bankOpen, standardId, refresh]);

  /** Something in the bank changed: lists, trees and the dashboard reload. */
  const changed = useCallback(() => setRefresh((n) => n + 1), []);
  const currentStandard = standards.find((s) => s.id === standardId);
  const levels = useMemo(
    () => standards.find((s) => s.id === standardId)?.levels ?? [],
    [standards, standardId],
  );

  return {
    session,
    setSession,
    error,
    setError,
    bankOpen,
    standards,
    standardId,
    setStandardId,
    loadStandards,
    nodes,
    refresh,
    changed,
    currentStandard,
    levels,
  };
}
