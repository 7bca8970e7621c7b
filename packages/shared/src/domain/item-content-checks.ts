import type { z } from 'zod';
import { collectBlankIds, isEmptyItemBody } from '../content/document-queries';
import type { ItemBody } from '../content/item-body';
import type { ChoiceOption } from './choice-option';
import { findDuplicates } from './common';
import type { AcceptedAnswer, UncheckedItemContent } from './item-content';

/*
 * Per-type rules of item content, with messages a reviewer can act on. Run by
 * `ItemContentSchema` and `ItemSchema` after the shape is known to be right.
 */

type IssueSink = Pick<z.RefinementCtx, 'addIssue'>;
type Path = (string | number)[];

function report(ctx: IssueSink, path: Path, message: string): void {
  ctx.addIssue({ code: 'custom', path, message });
}

function checkNotEmpty(ctx: IssueSink, body: ItemBody, path: Path, what: string): void {
  if (isEmptyItemBody(body)) report(ctx, path, `${what} is empty`);
}

function checkOptions(ctx: IssueSink, options: readonly ChoiceOption[]): Set<string> {
  const ids = options.map((option) => option.id);
  for (const id of findDuplicates(ids)) {
    report(ctx, ['options'], `Option id "${id}" is used more than once; option ids must be unique`);
  }
  options.forEach((option, index) => {
    checkNotEmpty(ctx, option.content, ['options', index, 'content'], `Option ${option.id}`);
  });
  return new Set(ids);
}

function checkKeyIsAnOption(ctx: IssueSink, optionIds: Set<string>, key: string, path: Path) {
  if (!optionIds.has(key)) {
    report(ctx, path, `The key "${key}" is not one of the options (${[...optionIds].join(', ')})`);
  }
}

function checkFillBlank(
  ctx: IssueSink,
  stem: ItemBody,
  key: Record<string, AcceptedAnswer[]>,
): void {
  const blankIds = collectBlankIds(stem);
  if (blankIds.length === 0) {
    report(ctx, ['stem'], 'A fill-in-the-blank item needs at least one blank in its stem');
  }
  for (const id of findDuplicates(blankIds)) {
    report(ctx, ['stem'], `Blank id "${id}" appears more than once in the stem`);
  }
  for (const id of new Set(blankIds)) {
    if ((key[id] ?? []).length === 0) {
      report(ctx, ['key', id], `Blank "${id}" needs at least one accepted answer`);
    }
  }
  for (const [id, answers] of Object.entries(key)) {
    const numeric = answers.filter((answer) => typeof answer !== 'string').length;
    if (numeric > 0 && numeric < answers.length) {
      report(
        ctx,
        ['key', id],
        `Blank "${id}" mixes text and numeric answers; a blank accepts either texts or numbers`,
      );
    }
  }
  for (const id of Object.keys(key)) {
    if (!blankIds.includes(id)) {
      report(ctx, ['key', id], `The key has answers for blank "${id}", which is not in the stem`);
    }
  }
}

export function checkItemContent(content: UncheckedItemContent, ctx: IssueSink): void {
  checkNotEmpty(ctx, content.stem, ['stem'], 'The stem (题干)');
  switch (content.type) {
    case 'true_false':
      return;
    case 'single_choice': {
      const optionIds = checkOptions(ctx, content.options);
      checkKeyIsAnOption(ctx, optionIds, content.key, ['key']);
      return;
    }
    case 'multiple_choice': {
      const optionIds = checkOptions(ctx, content.options);
      for (const id of findDuplicates(content.key)) {
        report(ctx, ['key'], `The key lists option "${id}" more than once`);
      }
      content.key.forEach((id, index) => checkKeyIsAnOption(ctx, optionIds, id, ['key', index]));
      return;
    }
    case 'fill_blank':
      checkFillBlank(ctx, content.stem, content.key);
      return;
    case 'short_answer':
      checkNotEmpty(
        ctx,
        content.key.referenceAnswer,
        ['key', 'referenceAnswer'],
        'The reference answer',
      );
      return;
  }
}
