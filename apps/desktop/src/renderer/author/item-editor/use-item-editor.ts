import { errorMessage, type BankItemView, type TheoryLevelCode } from '@skillexam/shared';
import { message } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { bank } from '../author-api';
import {
  contentFromDraft,
  draftFromItem,
  newDraft,
  validateDraft,
  type ItemDraft,
} from '../item-draft';

const AUTOSAVE_MS = 1200;
const LOCAL_DRAFT_PREFIX = 'skillexam.author.draft.';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'invalid' | 'error';

interface Source {
  readonly itemId?: string;
  readonly pointId?: string;
  readonly levels: readonly TheoryLevelCode[];
  readonly onSaved: (view: BankItemView) => void;
}

/**
 * The editor's draft and its life: loading an item (or starting a new one), inline validation,
 * a debounced autosave through the host, Ctrl+S, and submitting for review.
 */
export function useItemEditor(props: Source) {
  const { t } = useI18n();
  const [view, setView] = useState<BankItemView>();
  const [draft, setDraft] = useState<ItemDraft>();
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [generation, setGeneration] = useState(0);
  const [loadError, setLoadError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saving = useRef(false);
  const latest = useRef<ItemDraft | undefined>(undefined);

  useEffect(() => {
    setLoadError(undefined);
    if (props.itemId === undefined) {
      const level = props.levels[0] ?? 4;
      setDraft(newDraft('single_choice', props.pointId ?? '', level));
      setView(undefined);
      setSaveState('dirty');
      return;
    }
    bank('bank:get-item', { id: props.itemId }).then(
      (loaded) => {
        setView(loaded);
        setDraft(draftFromItem(loaded.item));
        setSaveState('saved');
        setGeneration((n) => n + 1);
      },
      (error: unknown) => setLoadError(errorMessage(error)),
    );
  }, [props.itemId, props.pointId, props.levels]);

  const issues = useMemo(() => (draft === undefined ? [] : validateDraft(draft)), [draft]);
  const editable = view === undefined || !['in_review', 'retired'].includes(view.item.reviewStatus);

  const save = useCallback(async (): Promise<BankItemView | undefined> => {
    const current = latest.current;
    if (current === undefined || saving.current) return undefined;
    if (validateDraft(current).length > 0) {
      setSaveState('invalid');
      window.localStorage.setItem(
        LOCAL_DRAFT_PREFIX + (current.id ?? 'new'),
        JSON.stringify(current),
      );
      return undefined;
    }
    saving.current = true;
    setSaveState('saving');
    try {
      const result = await bank('bank:save-item', {
        ...(current.id === undefined ? {} : { id: current.id }),
        content: contentFromDraft(current),
        tags: current.tags,
      });
      window.localStorage.removeItem(LOCAL_DRAFT_PREFIX + (current.id ?? 'new'));
      setView(result.item);
      if (latest.current === current) setSaveState('saved');
      else setSaveState('dirty');
      if (current.id === undefined) {
        const withId = { ...current, id: result.item.item.id };
        latest.current = withId;
        setDraft(withId);
      }
      if (result.newVersion)
        void message.info(t('author.editor.newVersion', { version: result.item.item.version }));
      if (result.nearDuplicates.length > 0) {
        void message.warning(
          t('author.editor.nearDuplicates', {
            ids: result.nearDuplicates.map((d) => d.id).join('、'),
          }),
        );
      }
      props.onSaved(result.item);
      return result.item;
    } catch (error) {
      setSaveState('error');
      void message.error(errorMessage(error));
      return undefined;
    } finally {
      saving.current = false;
    }
  }, [props, t]);

  const update = (next: ItemDraft) => {
    latest.current = next;
    setDraft(next);
    setSaveState('dirty');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  };
  useEffect(() => {
    latest.current = draft;
  }, [draft]);
  useEffect(() => () => clearTimeout(timer.current), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        clearTimeout(timer.current);
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const submit = async () => {
    clearTimeout(timer.current);
    const saved = saveState === 'saved' ? view : await save();
    if (saved === undefined) return;
    try {
      const { results } = await bank('bank:review', { ids: [saved.item.id], action: 'submit' });
      const result = results[0];
      if (result?.ok === true) {
        void message.success(t('author.editor.submitted'));
        const reloaded = await bank('bank:get-item', { id: saved.item.id });
        setView(reloaded);
        props.onSaved(reloaded);
      } else void message.error(result?.error ?? '');
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  /** Rich editors remount (take the draft's value afresh) when this changes. */
  const remountEditors = () => setGeneration((n) => n + 1);

  return {
    view,
    draft,
    saveState,
    generation,
    loadError,
    issues,
    editable,
    latest,
    save,
    update,
    submit,
    remountEditors,
  };
}
