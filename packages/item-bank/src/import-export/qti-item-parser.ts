import {
  BlankIdSchema,
  contentBuilders,
  htmlText,
  isEmptyItemBody,
  isHtmlElement,
  ReviewStatusSchema,
  type AcceptedAnswer,
  type HtmlElement,
  type HtmlNode,
  type InlineNode,
  type ItemBody,
} from '@skillexam/shared';
import { normalizePointCode, parseDifficulty, parseLevel } from './cell-values';
import type { ParsedItem, ParsedItemContent } from './item-file-types';
import { markupToItemBody } from './markup-to-item-body';
import { elementsOf, findAll, firstElement } from './markup-tree';
import { BLANK_RESPONSE_PREFIX } from './qti-format';
import { choiceContent, type ChoiceDeclaration } from './qti-choice-key';
import { responseRules } from './qti-response-rules';
import { textEntryKey } from './qti-text-entry-key';

/*
 * One QTI assessment item (already parsed, QTI 2 names mapped to QTI 3) → item content.
 * Supported: choice (→ 判断/单选/多选: qti-choice-key.ts), text entry (→ 填空, numeric
 * answers keep their tolerance: qti-text-entry-key.ts), extended text (→ 简答). One kind of
 * interaction per item; anything that cannot be represented exactly rejects the item.
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

const SUPPORTED = new Set([
  'qti-choice-interaction',
  'qti-text-entry-interaction',
  'qti-extended-text-interaction',
]);
const INTERACTION_NAMES: Record<string, string> = {
  'qti-choice-interaction': '选择',
  'qti-text-entry-interaction': '填空',
  'qti-extended-text-interaction': '问答',
  'qti-order-interaction': '排序',
  'qti-match-interaction': '配对',
  'qti-associate-interaction': '关联',
  'qti-gap-match-interaction': '拖放填空',
  'qti-inline-choice-interaction': '下拉选择',
  'qti-hottext-interaction': '热文本',
  'qti-hotspot-interaction': '热区',
  'qti-graphic-order-interaction': '图形排序',
  'qti-select-point-interaction': '选点',
  'qti-slider-interaction': '滑块',
  'qti-upload-interaction': '上传文件',
  'qti-drawing-interaction': '绘图',
};

function interactionName(tag: string): string {
  const name = INTERACTION_NAMES[tag];
  return name === undefined ? `<${tag}>` : `${name}（<${tag}>）`;
}
const NOT_STEM = new Set([
  'qti-rubric-block',
  'qti-modal-feedback',
  'qti-feedback-block',
  'qti-feedback-inline',
]);

function declarationsOf(root: HtmlElement): Map<string, ChoiceDeclaration> {
  const map = new Map<string, ChoiceDeclaration>();
  for (const declaration of elementsOf(root, 'qti-response-declaration')) {
    const correctResponse = firstElement(declaration, 'qti-correct-response');
    map.set(declaration.attrs.identifier ?? '', {
      element: declaration,
      cardinality: declaration.attrs.cardinality ?? 'single',
      correct:
        correctResponse === undefined
          ? []
          : elementsOf(correctResponse, 'qti-value').map((node) => htmlText(node).trim()),
    });
  }
  return map;
}

/** The item body without interactions' choices and scorer-only blocks; prompts stay. */
function stemNodes(nodes: readonly HtmlNode[]): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const node of nodes) {
    if (!isHtmlElement(node)) {
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

function rubric(body: HtmlElement, use: string): HtmlElement | undefined {
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

export function parseQtiItem(root: HtmlElement, context: QtiItemContext): QtiItemResult {
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
    ...body.children.filter(isHtmlElement).flatMap((node) => [node, ...findAllElements(node)]),
  ].filter((node) => node.tag.endsWith('-interaction'));
  const unsupported = interactions.find((node) => !SUPPORTED.has(node.tag));
  if (unsupported !== undefined) {
    return {
      ok: false,
      field: '交互',
      reason: `不支持的交互类型：${interactionName(unsupported.tag)}（只支持选择、填空、问答）`,
    };
  }
  const kinds = [...new Set(interactions.map((node) => node.tag))];
  const count = (tag: string) => interactions.filter((node) => node.tag === tag).length;
  if (
    kinds.length > 1 ||
    count('qti-choice-interaction') > 1 ||
    count('qti-extended-text-interaction') > 1
  ) {
    return {
      ok: false,
      field: '交互',
      reason: `一道题含多个交互（${interactions.map((node) => interactionName(node.tag)).join('、')}），本系统一道题只能有一个选择或问答交互，或若干填空`,
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
  const toBody = (nodes: readonly HtmlNode[]): ItemBody =>
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
    const result = choiceContent(
      root,
      choice,
      declarations.get(choice.attrs['response-identifier'] ?? ''),
      base,
      toBody,
    );
    if (!result.ok) return result;
    warnings.push(...result.warnings);
    content = result.content;
  } else if (entries.length > 0) {
    const key: Record<string, AcceptedAnswer[]> = {};
    for (const entry of entries) {
      const responseId = entry.attrs['response-identifier'] ?? '';
      const answers = textEntryKey(
        declarations.get(responseId)?.element,
        responseRules(root, responseId),
        responseId,
      );
      if (!answers.ok) return { ok: false, field: '答案', reason: answers.reason };
      key[blankId(responseId)] = answers.answers;
    }
    content = { type: 'fill_blank', ...base, key };
  } else if (extended !== undefined) {
    const reference = rubric(body, 'reference-answer');
    const declaration = declarations.get(extended.attrs['response-identifier'] ?? '');
    if (declaration !== undefined && declaration.cardinality !== 'single') {
      return {
        ok: false,
        field: '答案',
        reason: `问答交互的响应 cardinality="${declaration.cardinality}"（要求填写多个互不重复的答案并自动判分），本系统无法精确表示`,
      };
    }
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

function findAllElements(node: HtmlElement): HtmlElement[] {
  return node.children.filter(isHtmlElement).flatMap((child) => [child, ...findAllElements(child)]);
}
