import type { AnswerValue, CandidatePaper, CandidatePaperItem } from '@skillexam/shared';

/** One question in paper order, with the section it belongs to. */
export interface FlatItem {
  readonly item: CandidatePaperItem;
  readonly sectionIndex: number;
  readonly index: number;
}

export interface PaperIndex {
  readonly items: readonly FlatItem[];
  readonly byId: ReadonlyMap<string, FlatItem>;
  /** Index of the first item of each section. */
  readonly sectionStarts: readonly number[];
}

export function indexPaper(paper: CandidatePaper): PaperIndex {
  const items: FlatItem[] = [];
  const sectionStarts: number[] = [];
  paper.sections.forEach((section, sectionIndex) => {
    sectionStarts.push(items.length);
    for (const item of section.items) items.push({ item, sectionIndex, index: items.length });
  });
  return { items, byId: new Map(items.map((f) => [f.item.itemId, f])), sectionStarts };
}

/** Whether a value counts as answered for the palette and the review screen. */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  switch (value.kind) {
    case 'true_false':
      return true;
    case 'choice':
      return value.selected.length > 0;
    case 'blanks':
      return Object.values(value.values).some((v) => v.trim() !== '');
    case 'text':
      return value.text.trim() !== '';
  }
}

export interface PaletteCounts {
  readonly total: number;
  readonly answered: number;
  readonly unanswered: number;
  readonly flagged: number;
}

export function paletteCounts(
  index: PaperIndex,
  answers: ReadonlyMap<string, AnswerValue>,
  flagged: ReadonlySet<string>,
): PaletteCounts {
  let answered = 0;
  for (const { item } of index.items) if (isAnswered(answers.get(item.itemId))) answered += 1;
  return {
    total: index.items.length,
    answered,
    unanswered: index.items.length - answered,
    flagged: [...flagged].filter((id) => index.byId.has(id)).length,
  };
}

export type ExamKeyAction =
  | { readonly type: 'previous' }
  | { readonly type: 'next' }
  | { readonly type: 'toggleFlag' }
  | { readonly type: 'answer'; readonly value: AnswerValue };

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

/**
 * The letter a candidate sees before the option at display position `index` (A, B, C…).
 * With per-candidate option order the ids stay canonical (scoring needs them) but the labels
 * follow the screen, so "A" is always the first option shown.
 */
export function optionLabel(index: number): string {
  return LETTERS[index] ?? String(index + 1);
}

/** A multiple-choice selection with `option` switched on or off, kept sorted. */
export function toggleOption(selected: readonly string[], option: string): string[] {
  return selected.includes(option)
    ? selected.filter((s) => s !== option)
    : [...selected, option].sort();
}

/** The id of the option a key names by display position: A–F or 1–9 (1 = A = first shown). */
function optionForKey(
  key: string,
  options: readonly { readonly id: string }[],
): string | undefined {
  const upper = key.toUpperCase();
  const letterIndex = LETTERS.indexOf(upper as (typeof LETTERS)[number]);
  const digit = /^[1-9]$/.test(key) ? Number(key) - 1 : -1;
  const i = letterIndex >= 0 ? letterIndex : digit;
  return i >= 0 ? options[i]?.id : undefined;
}

/**
 * Maps a key press to an exam action (full keyboard operation): ←/→ move, M flags,
 * A–F or 1–9 choose options, T/F (or 1/2) answer true/false. Keys typed into a text field
 * belong to the field (Chinese input methods compose there), so the caller passes
 * `inTextField` and nothing but navigation with Alt is taken from it.
 */
export function keyToAction(
  key: string,
  item: CandidatePaperItem,
  current: AnswerValue | undefined,
  modifiers: {
    readonly ctrl: boolean;
    readonly alt: boolean;
    readonly meta: boolean;
    readonly inTextField: boolean;
  },
): ExamKeyAction | undefined {
  if (modifiers.ctrl || modifiers.meta) return undefined;
  if (modifiers.inTextField) {
    if (!modifiers.alt) return undefined;
    return key === 'ArrowLeft'
      ? { type: 'previous' }
      : key === 'ArrowRight'
        ? { type: 'next' }
        : undefined;
  }
  if (key === 'ArrowLeft' || key === 'PageUp') return { type: 'previous' };
  if (key === 'ArrowRight' || key === 'PageDown' || key === 'Enter') return { type: 'next' };
  if (key === 'm' || key === 'M') return { type: 'toggleFlag' };
  switch (item.type) {
    case 'true_false': {
      const k = key.toUpperCase();
      if (k === 'T' || key === '1')
        return { type: 'answer', value: { kind: 'true_false', value: true } };
      if (k === 'F' || key === '2')
        return { type: 'answer', value: { kind: 'true_false', value: false } };
      return undefined;
    }
    case 'single_choice': {
      const option = optionForKey(key, item.options);
      return option === undefined
        ? undefined
        : { type: 'answer', value: { kind: 'choice', selected: [option] } };
    }
    case 'multiple_choice': {
      const option = optionForKey(key, item.options);
      if (option === undefined) return undefined;
      const selected = current?.kind === 'choice' ? current.selected : [];
      return {
        type: 'answer',
        value: { kind: 'choice', selected: toggleOption(selected, option) },
      };
    }
    case 'fill_blank':
    case 'short_answer':
      return undefined;
  }
}
