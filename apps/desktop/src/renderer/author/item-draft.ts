import {
  ItemContentSchema,
  OPTION_IDS,
  acceptedAnswerText,
  collectBlankIds,
  parseAcceptedAnswerText,
  type AcceptedAnswer,
  itemBody,
  type Item,
  type ItemBody,
  type ItemType,
  type OptionId,
  type TheoryLevelCode,
} from '@skillexam/shared';

/*
 * The item editor's form state and its mapping to the shared item content (pure, unit-tested).
 * Validation messages come from the shared item schemas, keyed by the form field they concern.
 */

export interface DraftOption {
  readonly id: OptionId;
  readonly content: ItemBody;
}

export interface ItemDraft {
  readonly id?: string;
  readonly type: ItemType;
  readonly stem: ItemBody;
  readonly options: DraftOption[];
  /** Choice keys (option ids); a true/false key is `trueFalse`. */
  readonly keys: OptionId[];
  readonly trueFalse: boolean;
  /** Fill-in answers per blank id, alternatives separated by `|` (`数值：4 ±0.2` is a number). */
  readonly blankAnswers: Record<string, string>;
  readonly referenceAnswer: ItemBody;
  readonly explanation: ItemBody;
  readonly assessmentPointId: string;
  readonly level: TheoryLevelCode;
  readonly difficulty: number;
  readonly tags: string[];
}

const OPTION_COUNT: Record<ItemType, number> = {
  true_false: 0,
  single_choice: 4,
  multiple_choice: 5,
  fill_blank: 0,
  short_answer: 0,
};

function emptyOptions(count: number): DraftOption[] {
  return OPTION_IDS.slice(0, count).map((id) => ({ id, content: itemBody() }));
}

export function newDraft(type: ItemType, pointId: string, level: TheoryLevelCode): ItemDraft {
  return {
    type,
    stem: itemBody(),
    options: emptyOptions(OPTION_COUNT[type]),
    keys: [],
    trueFalse: true,
    blankAnswers: {},
    referenceAnswer: itemBody(),
    explanation: itemBody(),
    assessmentPointId: pointId,
    level,
    difficulty: 3,
    tags: [],
  };
}

/** Switching type keeps stem, explanation and options where the new type has them. */
export function changeType(draft: ItemDraft, type: ItemType): ItemDraft {
  const wanted = OPTION_COUNT[type];
  const options =
    wanted === 0 ? [] : draft.options.length >= 2 ? draft.options : emptyOptions(wanted);
  const keys = type === 'single_choice' ? draft.keys.slice(0, 1) : draft.keys;
  return { ...draft, type, options, keys };
}

export function draftFromItem(item: Item): ItemDraft {
  const base = newDraft(item.type, item.assessmentPointId, item.level);
  const common = {
    ...base,
    id: item.id,
    stem: item.stem,
    explanation: item.explanation ?? itemBody(),
    difficulty: item.difficulty,
    tags: item.tags,
  };
  switch (item.type) {
    case 'true_false':
      return { ...common, trueFalse: item.key };
    case 'single_choice':
      return { ...common, options: item.options, keys: [item.key] };
    case 'multiple_choice':
      return { ...common, options: item.options, keys: item.key };
    case 'fill_blank':
      return {
        ...common,
        blankAnswers: Object.fromEntries(
          Object.entries(item.key).map(([id, answers]) => [
            id,
            answers.map(acceptedAnswerText).join(' | '),
          ]),
        ),
      };
    case 'short_answer':
      return { ...common, referenceAnswer: item.key.referenceAnswer };
  }
}

/** The content object the host validates and saves. */
export function contentFromDraft(draft: ItemDraft): Record<string, unknown> {
  const common = {
    type: draft.type,
    stem: draft.stem,
    assessmentPointId: draft.assessmentPointId,
    level: draft.level,
    difficulty: draft.difficulty,
    ...(isBlank(draft.explanation) ? {} : { explanation: draft.explanation }),
  };
  switch (draft.type) {
    case 'true_false':
      return { ...common, key: draft.trueFalse };
    case 'single_choice':
      return { ...common, options: draft.options, key: draft.keys[0] ?? '' };
    case 'multiple_choice':
      return { ...common, options: draft.options, key: sortKeys(draft.keys) };
    case 'fill_blank': {
      const key: Record<string, AcceptedAnswer[]> = {};
      for (const id of collectBlankIds(draft.stem)) {
        key[id] = blankAnswerParts(draft, id).flatMap((part) => {
          const parsed = parseAcceptedAnswerText(part);
          return parsed.ok ? [parsed.value] : [];
        });
      }
      return { ...common, key };
    }
    case 'short_answer':
      return { ...common, key: { referenceAnswer: draft.referenceAnswer } };
  }
}

/** A blank's answers as typed, split on `|`; `数值：4 ±0.2` is a numeric answer. */
function blankAnswerParts(draft: ItemDraft, blankId: string): string[] {
  return (draft.blankAnswers[blankId] ?? '')
    .split('|')
    .map((answer) => answer.trim())
    .filter((answer) => answer !== '');
}

/** Numeric answers (`数值：…`) that do not parse: left out of the content, reported here. */
function numericAnswerIssues(draft: ItemDraft): DraftIssue[] {
  if (draft.type !== 'fill_blank') return [];
  return collectBlankIds(draft.stem).flatMap((id) =>
    blankAnswerParts(draft, id).flatMap((part) => {
      const parsed = parseAcceptedAnswerText(part);
      return parsed.ok ? [] : [{ field: 'key' as const, at: id, message: parsed.reason }];
    }),
  );
}

function isBlank(body: ItemBody): boolean {
  return body.content.every(
    (block) =>
      block.type === 'paragraph' &&
      block.children.every(
        (node) => 'text' in node && node.text.trim() === '' && !('type' in node),
      ),
  );
}

function sortKeys(keys: readonly OptionId[]): OptionId[] {
  return [...new Set(keys)].sort();
}

export type DraftField = 'stem' | 'options' | 'key' | 'explanation' | 'assessmentPointId' | 'other';

export interface DraftIssue {
  readonly field: DraftField;
  /** Option index or blank id when the issue concerns one. */
  readonly at?: string;
  readonly message: string;
}

function toIssues(content: Record<string, unknown>): DraftIssue[] {
  const parsed = ItemContentSchema.safeParse(content);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const [head, second] = issue.path;
    const field: DraftField =
      head === 'stem' ||
      head === 'options' ||
      head === 'key' ||
      head === 'explanation' ||
      head === 'assessmentPointId'
        ? head
        : 'other';
    return {
      field,
      ...(second === undefined ? {} : { at: String(second) }),
      message: issue.message,
    };
  });
}

/**
 * The shared item schema's messages, grouped by form field, for inline display. A missing key
 * fails the schema's shape before its content checks run, so the content is checked once more
 * with a stand-in key: the author sees every problem at once, not one after the other.
 */
export function validateDraft(draft: ItemDraft): DraftIssue[] {
  const content = contentFromDraft(draft);
  const numeric = numericAnswerIssues(draft);
  const misspelt = new Set(numeric.map((issue) => issue.at));
  const issues = [
    ...numeric,
    ...toIssues(content).filter((issue) => issue.field !== 'key' || !misspelt.has(issue.at)),
  ];
  const choice = draft.type === 'single_choice' || draft.type === 'multiple_choice';
  if (!choice || issues.some((issue) => issue.field !== 'key')) return issues;
  const ids = draft.options.map((option) => option.id);
  const standIn = draft.type === 'single_choice' ? ids[0] : ids.slice(0, 2);
  const more = toIssues({ ...content, key: standIn }).filter((issue) => issue.field !== 'key');
  return [...issues, ...more];
}

/** Marks or unmarks an option as correct: one key for single choice, many for multiple. */
export function toggleKey(draft: ItemDraft, id: OptionId): ItemDraft {
  if (draft.type === 'single_choice') return { ...draft, keys: [id] };
  const keys = draft.keys.includes(id)
    ? draft.keys.filter((key) => key !== id)
    : [...draft.keys, id];
  return { ...draft, keys: sortKeys(keys) };
}

/**
 * Moves option `index` up or down (Alt+↑/↓). Letters stay in place (A is always first); the
 * contents move, and the key follows its content.
 */
export function moveOption(draft: ItemDraft, index: number, delta: -1 | 1): ItemDraft {
  const target = index + delta;
  const a = draft.options[index];
  const b = draft.options[target];
  if (a === undefined || b === undefined) return draft;
  const options = [...draft.options];
  options[index] = { id: a.id, content: b.content };
  options[target] = { id: b.id, content: a.content };
  const swap = (key: OptionId): OptionId => (key === a.id ? b.id : key === b.id ? a.id : key);
  return { ...draft, options, keys: sortKeys(draft.keys.map(swap)) };
}

export function addOption(draft: ItemDraft): ItemDraft {
  const id = OPTION_IDS[draft.options.length];
  if (id === undefined) return draft;
  return { ...draft, options: [...draft.options, { id, content: itemBody() }] };
}

/** Removes option `index`; later options move up a letter and the key follows. */
export function removeOption(draft: ItemDraft, index: number): ItemDraft {
  if (draft.options[index] === undefined) return draft;
  const kept = draft.options.filter((_, i) => i !== index);
  const relabel = new Map<OptionId, OptionId>();
  const options = kept.map((option, i) => {
    const id = OPTION_IDS[i] ?? option.id;
    relabel.set(option.id, id);
    return { id, content: option.content };
  });
  const keys = draft.keys.flatMap((key) => {
    const next = relabel.get(key);
    return next === undefined ? [] : [next];
  });
  return { ...draft, options, keys: sortKeys(keys) };
}
