import {
  BlankIdSchema,
  OPTION_IDS,
  ReviewStatusSchema,
  contentBuilders,
  isEmptyItemBody,
  type InlineNode,
  type ItemBody,
  type OptionId,
} from '@skillexam/shared';
import { normalizePointCode, parseDifficulty, parseLevel, parseTrueFalseKey } from './cell-values';
import type { ParsedItem, ParsedItemContent } from './item-file-types';
import { markupToItemBody } from './markup-to-item-body';
import {
  elementsOf,
  findAll,
  firstElement,
  isElement,
  textContent,
  type MarkupElement,
  type MarkupNode,
} from './markup-tree';
import { BLANK_RESPONSE_PREFIX } from './qti-format';

/*
 * One QTI assessment item (already parsed, QTI 2 names mapped to QTI 3) → item content.
 * Supported: choice (→ 判断/单选/多选), text entry (→ 填空), extended text (→ 简答).
 */

export interface QtiItemMetadata {
  attrs: Record<string, string>;
  tags: string[];
}

export interface QtiItemContext {
  ref: string;
  resolveImage: (src: string) => string | undefined;
  metadata?: QtiItemMetadata;
}

export type QtiItemResult =
  { ok: true; item: ParsedItem; warnings: string[] } | { ok: false; field: string; reason: string };

interface Declaration {
  cardinality: string;
  correct: string[];
  mapped: string[];
}

const SUPPORTED = new Set([
  'qti-choice-interaction',
  'qti-text-entry-interaction',
  'qti-extended-text-interaction',
]);
const NOT_STEM = new Set([
  'qti-rubric-block',
  'qti-modal-feedback',
  'qti-feedback-block',
  'qti-feedback-inline',
]);

function declarationsOf(root: MarkupElement): Map<string, Declaration> {
  const map = new Map<string, Declaration>();
  for (const declaration of elementsOf(root, 'qti-response-declaration')) {
    const correctResponse = firstElement(declaration, 'qti-correct-response');
    const mapping = firstElement(declaration, 'qti-mapping');
    map.set(declaration.attrs.identifier ?? '', {
      cardinality: declaration.attrs.cardinality ?? 'single',
      correct:
        correctResponse === undefined
          ? []
          : elementsOf(correctResponse, 'qti-value').map((node) => textContent(node).trim()),
      mapped:
        mapping === undefined
          ? []
          : elementsOf(mapping, 'qti-map-entry').map((entry) =>
              (entry.attrs['map-key'] ?? '').trim(),
            ),
    });
  }
  return map;
}

/** The item body without interactions' choices and scorer-only blocks; prompts stay. */
function stemNodes(nodes: readonly MarkupNode[]): MarkupNode[] {
  const out: MarkupNode[] = [];
  for (const node of nodes) {
    if (!isElement(node)) {
      out.push(node);
      continue;
    }
    if (NOT_STEM.has(node.tag)) continue;
    if (node.tag === 'qti-choice-interaction' || node.tag === 'qti-extended-text-interaction') {
      const prompt = firstElement(node, 'qti-prompt');
      if (prompt !== undefined) out.push({ tag: 'p', attrs: {}, children: prompt.children });
      continue;
    }
    out.push({ ...node, children: stemNodes(node.children) });
  }
  return out;
}

function rubric(body: MarkupElement, use: string): MarkupElement | undefined {
  return findAll(body, 'qti-rubric-block').find((block) => (block.attrs.use ?? '') === use);
}

function metadataFields(
  metadata: QtiItemMetadata | undefined,
  content: ParsedItemContent,
  warnings: string[],
) {
  const attrs = metadata?.attrs ?? {};
  const level = attrs.level === undefined ? undefined : parseLevel(attrs.level);
  const difficulty = attrs.difficulty === undefined ? undefined : parseDifficulty(attrs.difficulty);
  if (level !== undefined && !level.ok) warnings.push(level.reason);
  if (difficulty !== undefined && !difficulty.ok) warnings.push(difficulty.reason);
  const status = ReviewStatusSchema.safeParse(attrs.status);
  const version = Number(attrs.version);
  return {
    content: {
      ...content,
      ...(level?.ok === true ? { level: level.value } : {}),
      ...(difficulty?.ok === true ? { difficulty: difficulty.value } : {}),
    } as ParsedItemContent,
    extra: {
      ...(attrs['point-code'] !== undefined
        ? { pointCode: normalizePointCode(attrs['point-code']) }
        : {}),
      ...(attrs.source !== undefined && attrs.source.trim() !== ''
        ? { source: attrs.source.trim() }
        : {}),
      ...(attrs['enemy-group'] !== undefined && attrs['enemy-group'].trim() !== ''
        ? { enemyGroup: attrs['enemy-group'].trim() }
        : {}),
      ...(status.success ? { status: status.data } : {}),
      ...(Number.isInteger(version) && version >= 1 ? { version } : {}),
    },
  };
}

export function parseQtiItem(root: MarkupElement, context: QtiItemContext): QtiItemResult {
  if (root.tag !== 'qti-assessment-item') {
    return {
      ok: false,
      field: '根元素',
      reason: `根元素是 <${root.tag}>，应为 assessmentItem / qti-assessment-item`,
    };
  }
  const body = firstElement(root, 'qti-item-body');
  if (body === undefined) return { ok: false, field: 'itemBody', reason: '缺少 itemBody' };
  const declarations = declarationsOf(root);
  const interactions = [
    ...body.children.filter(isElement).flatMap((node) => [node, ...findAllElements(node)]),
  ].filter((node) => node.tag.endsWith('-interaction'));
  const unsupported = interactions.find((node) => !SUPPORTED.has(node.tag));
  if (unsupported !== undefined) {
    return {
      ok: false,
      field: '交互',
      reason: `不支持的交互类型 <${unsupported.tag}>（只支持选择、填空、问答）`,
    };
  }
  const problems: string[] = [];
  const warnings: string[] = [];
  const blankIds = new Map<string, string>();
  const blankId = (responseId: string) => {
    let id = blankIds.get(responseId);
    if (id === undefined) {
      const stripped = responseId.startsWith(BLANK_RESPONSE_PREFIX)
        ? responseId.slice(BLANK_RESPONSE_PREFIX.length)
        : responseId;
      id =
        BlankIdSchema.safeParse(stripped).success && ![...blankIds.values()].includes(stripped)
          ? stripped
          : `b${blankIds.size + 1}`;
      blankIds.set(responseId, id);
    }
    return id;
  };
  const toBody = (nodes: readonly MarkupNode[]): ItemBody =>
    markupToItemBody(nodes, {
      resolveImage: context.resolveImage,
      onProblem: (reason) => problems.push(reason),
      inline: (element): InlineNode | 'skip' | undefined =>
        element.tag === 'qti-text-entry-interaction'
          ? contentBuilders.blank(blankId(element.attrs['response-identifier'] ?? ''))
          : undefined,
    });

  const stem = toBody(stemNodes(body.children));
  const explanationBlock = rubric(body, 'explanation') ?? firstElement(root, 'qti-modal-feedback');
  const explanationBody =
    explanationBlock === undefined ? undefined : toBody(explanationBlock.children);
  const base = {
    stem,
    ...(explanationBody !== undefined && !isEmptyItemBody(explanationBody)
      ? { explanation: explanationBody }
      : {}),
  };

  let content: ParsedItemContent;
  const choice = interactions.find((node) => node.tag === 'qti-choice-interaction');
  const entries = interactions.filter((node) => node.tag === 'qti-text-entry-interaction');
  const extended = interactions.find((node) => node.tag === 'qti-extended-text-interaction');
  if (choice !== undefined) {
    const declaration = declarations.get(choice.attrs['response-identifier'] ?? '');
    if (declaration === undefined || declaration.correct.length === 0) {
      return { ok: false, field: '答案', reason: '选择题没有正确答案（correctResponse）' };
    }
    const choices = elementsOf(choice, 'qti-simple-choice');
    const ids = choices.map((node) => node.attrs.identifier ?? '');
    const texts = choices.map((node) => textContent(node).trim());
    const isTrueFalse =
      choices.length === 2 &&
      (ids
        .map((id) => id.toLowerCase())
        .sort()
        .join() === 'false,true' ||
        texts.every((text) => parseTrueFalseKey(text).ok && !/^[A-F]$/i.test(text)));
    if (isTrueFalse) {
      const index = ids.indexOf(declaration.correct[0] ?? '');
      const keyText =
        ids[index]?.toLowerCase() === 'true' || ids[index]?.toLowerCase() === 'false'
          ? (ids[index] ?? '')
          : (texts[index] ?? '');
      const key = parseTrueFalseKey(keyText);
      if (index < 0 || !key.ok)
        return {
          ok: false,
          field: '答案',
          reason: `判断题的正确答案“${declaration.correct[0] ?? ''}”不是任何选项`,
        };
      content = { type: 'true_false', ...base, key: key.value };
    } else {
      if (choices.length > OPTION_IDS.length) {
        return {
          ok: false,
          field: '选项',
          reason: `选项有 ${choices.length} 个，最多 6 个（A–F）`,
        };
      }
      const letterOf = new Map<string, OptionId>();
      const options = choices.map((node, index) => {
        const letter = OPTION_IDS[index] ?? 'F';
        letterOf.set(node.attrs.identifier ?? '', letter);
        return { id: letter, content: toBody(node.children) };
      });
      const keys: OptionId[] = [];
      for (const id of declaration.correct) {
        const letter = letterOf.get(id);
        if (letter === undefined)
          return { ok: false, field: '答案', reason: `正确答案“${id}”不是任何选项的 identifier` };
        keys.push(letter);
      }
      const multiple =
        declaration.cardinality === 'multiple' || choice.attrs['max-choices'] !== '1';
      const [first] = keys;
      if (!multiple || keys.length === 1) {
        if (multiple) warnings.push('多选交互只有一个正确答案，按单选题导入');
        if (first === undefined) return { ok: false, field: '答案', reason: '没有正确答案' };
        content = { type: 'single_choice', ...base, options, key: first };
      } else {
        content = { type: 'multiple_choice', ...base, options, key: keys.sort() };
      }
    }
  } else if (entries.length > 0) {
    const key: Record<string, string[]> = {};
    for (const entry of entries) {
      const responseId = entry.attrs['response-identifier'] ?? '';
      const declaration = declarations.get(responseId);
      const answers = [
        ...new Set([...(declaration?.correct ?? []), ...(declaration?.mapped ?? [])]),
      ].filter((answer) => answer !== '');
      key[blankId(responseId)] = answers;
    }
    content = { type: 'fill_blank', ...base, key };
  } else if (extended !== undefined) {
    const reference = rubric(body, 'reference-answer');
    const declaration = declarations.get(extended.attrs['response-identifier'] ?? '');
    const referenceAnswer =
      reference !== undefined
        ? toBody(reference.children)
        : toBody([{ text: (declaration?.correct ?? []).join('\n') }]);
    content = { type: 'short_answer', ...base, key: { referenceAnswer } };
  } else {
    return {
      ok: false,
      field: '交互',
      reason:
        '没有找到任何交互（choiceInteraction / textEntryInteraction / extendedTextInteraction）',
    };
  }
  const [problem] = problems;
  if (problem !== undefined) return { ok: false, field: '图片', reason: problem };

  const { content: withMeta, extra } = metadataFields(context.metadata, content, warnings);
  const identifier = root.attrs.identifier;
  const externalId = context.metadata?.attrs.id ?? identifier;
  return {
    ok: true,
    warnings,
    item: {
      ref: context.ref,
      content: withMeta,
      tags: context.metadata?.tags ?? [],
      ...(externalId !== undefined ? { externalId } : {}),
      ...extra,
    },
  };
}

function findAllElements(node: MarkupElement): MarkupElement[] {
  return node.children.filter(isElement).flatMap((child) => [child, ...findAllElements(child)]);
}
