import {
  type CandidatePaper,
  type IpcOutput,
  type StandardSummaryView,
  type TheoryLevelCode,
} from '@skillexam/shared';
import { useEffect, useState } from 'react';
import { errorMessage } from '@skillexam/shared';
import { bank } from '../author-api';
import { useI18n } from '../../i18n';
import { type EditableBlueprint } from '../blueprint-edit';
import { isCancelled, useOperation } from '../operation/use-operation';

export type BlueprintCheck = IpcOutput<'bank:check-blueprint'>;
export type AssembledForms = IpcOutput<'bank:assemble'>;
export type BlueprintDraft = IpcOutput<'bank:draft-blueprint'>;
export type RangeWeight = BlueprintDraft['weights'][number];

/** The state of the 组卷 page: the drafted blueprint, its live feasibility check and the assembly run. */
export function usePaperWorkbench(standard: StandardSummaryView | undefined) {
  const [level, setLevel] = useState<TheoryLevelCode>();
  const [draft, setDraft] = useState<BlueprintDraft>();
  const [blueprint, setBlueprint] = useState<EditableBlueprint>();
  const [weights, setWeights] = useState<RangeWeight[]>([]);
  const [check, setCheck] = useState<BlueprintCheck>();
  const [forms, setForms] = useState(1);
  const [seed, setSeed] = useState(1);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<AssembledForms>();
  const [preview, setPreview] = useState<CandidatePaper>();
  const [error, setError] = useState<string>();
  const [cancelled, setCancelled] = useState(false);
  const operation = useOperation();
  const { t } = useI18n();

  useEffect(() => {
    if (standard === undefined) return;
    const chosen = level ?? standard.levels[0];
    if (chosen === undefined) return;
    bank('bank:draft-blueprint', { standardId: standard.id, level: chosen }).then(
      (drafted) => {
        setDraft(drafted);
        setBlueprint(drafted.blueprint as EditableBlueprint);
        setWeights(drafted.weights);
        setResult(undefined);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [standard, level]);

  useEffect(() => {
    if (blueprint === undefined) return undefined;
    const timer = setTimeout(() => {
      bank('bank:check-blueprint', { blueprint, forms }).then(setCheck, (e: unknown) =>
        setError(errorMessage(e)),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [blueprint, forms]);

  const assemble = async (current: EditableBlueprint) => {
    setRunning(true);
    setError(undefined);
    setCancelled(false);
    setResult(undefined);
    // Per form (第 k 套) from the assembly itself (docs/decisions/0950).
    const operationId = operation.begin(t('author.paper.assembling'));
    try {
      setResult(await bank('bank:assemble', { blueprint: current, seed, forms, operationId }));
    } catch (e) {
      if (isCancelled(e)) setCancelled(true);
      else setError(errorMessage(e));
    } finally {
      operation.end();
      setRunning(false);
    }
  };

  return {
    setLevel,
    draft,
    blueprint,
    setBlueprint,
    weights,
    check,
    forms,
    setForms,
    seed,
    setSeed,
    running,
    /** The running assembly's progress, and its cancel. */
    progress: operation.view,
    cancel: operation.cancel,
    cancelled,
    result,
    preview,
    setPreview,
    error,
    assemble,
  };
}
