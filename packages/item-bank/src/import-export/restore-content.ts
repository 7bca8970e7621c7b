import {
  ItemContentSchema,
  restoreItemBody,
  type ItemBody,
  type ItemContent,
} from '@skillexam/shared';
import { contentMessageZh } from './content-messages';
import type { ParsedItemContent } from './item-file-types';

/*
 * Item content from a foreign JSON source (a bank package): every rich-text body goes through
 * `restoreItemBody` (upgrades old versions, drops unknown nodes), then the whole content
 * through the shared per-type checks. The source bank's 鉴定点 id is not carried over.
 */

export type RestoreContentResult =
  | { ok: true; content: ParsedItemContent; dropped: string[] }
  | { ok: false; field: string; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toParsedContent(content: ItemContent): ParsedItemContent {
  const { assessmentPointId, ...rest } = content;
  void assessmentPointId;
  return rest;
}

export function restoreContent(raw: unknown): RestoreContentResult {
  if (!isRecord(raw)) return { ok: false, field: 'content', reason: '试题内容不是对象' };
  const dropped: string[] = [];
  const failures: { field: string; reason: string }[] = [];
  const restore = (value: unknown, field: string): ItemBody | undefined => {
    const result = restoreItemBody(value);
    if (!result.ok) {
      failures.push({ field, reason: result.error.message });
      return undefined;
    }
    for (const node of result.dropped) dropped.push(`${field}: ${node.reason}`);
    return result.body;
  };
  const candidate: Record<string, unknown> = { ...raw, assessmentPointId: 'import-placeholder' };
  candidate.stem = restore(raw.stem, 'stem');
  if (raw.explanation !== undefined)
    candidate.explanation = restore(raw.explanation, 'explanation');
  if (Array.isArray(raw.options)) {
    candidate.options = raw.options.map((option: unknown, index) =>
      isRecord(option)
        ? { ...option, content: restore(option.content, `options.${index}`) }
        : option,
    );
  }
  if (raw.type === 'short_answer' && isRecord(raw.key)) {
    candidate.key = {
      ...raw.key,
      referenceAnswer: restore(raw.key.referenceAnswer, 'key.referenceAnswer'),
    };
  }
  const [failure] = failures;
  if (failure !== undefined) return { ok: false, ...failure };
  const parsed = ItemContentSchema.safeParse(candidate);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return {
      ok: false,
      field: issue === undefined ? 'content' : issue.path.map(String).join('.') || 'content',
      reason: issue === undefined ? '试题内容无效' : contentMessageZh(issue.message),
    };
  }
  return { ok: true, content: toParsedContent(parsed.data), dropped };
}
