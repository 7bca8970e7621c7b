import { type Locale, type MessageKey } from '@skillexam/shared';
import { type EditableBlueprint } from '../blueprint-edit';
import { type BlueprintDraft } from './use-paper-workbench';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** How the page's starting blueprint was made; `undefined` once the author has edited it. */
export function draftNote(
  draft: BlueprintDraft | undefined,
  blueprint: EditableBlueprint,
  t: Translate,
  locale: Locale,
): string | undefined {
  if (draft === undefined || draft.blueprint !== blueprint) return undefined;
  const levelName = t(`level.${blueprint.level}`);
  if (!draft.feasible) return t('author.paper.draftInfeasible', { level: levelName });
  if (draft.relaxed.length === 0) return t('author.paper.draftFeasible', { level: levelName });
  const relaxed = draft.relaxed
    .map((r) =>
      t(`author.paper.relaxed.${r.kind}`, {
        value:
          r.kind === 'difficultyTolerance'
            ? Math.round(r.value * 100)
            : 'value' in r
              ? r.value
              : '',
      }),
    )
    .join(locale === 'zh-CN' ? '、' : ', ');
  return t('author.paper.draftRelaxed', { level: levelName, relaxed });
}
