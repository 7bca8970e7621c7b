import { CodedError, type ClassifyResultSchema, type ItemContent } from '@skillexam/shared';
import type { z } from 'zod';
import { refreshNearDuplicates, type ItemServiceDeps } from '../items/item-service';
import { readableItemText, searchText, similarityText } from '../items/item-text';
import { checkPointFits, parseItemContent } from '../items/item-validation';
import type { PointRecord } from '../standards/standard-store';
import { classificationText } from './classification-text';
import { standardMatcher } from './classification-queue';
import type { PointMatcher } from './point-matcher';

/*
 * Classifying moves an item out of its standard's 未分类 pool onto a 鉴定点
 * (docs/decisions/0642). It is an edit like any other and is recorded the same way: a new
 * version (created by the classifier, note 「分类：…」) and a review event naming the 鉴定点,
 * so reviewers see who classified what; the item is a draft again and the classifier, having
 * changed it, cannot approve it.
 */

export type ClassifyTarget =
  /** A 鉴定点 id of the item's standard, chosen by the user. */
  | { readonly pointId: string }
  /** The matcher's top suggestion for each item. */
  | { readonly acceptTopSuggestion: true };

/** One item's outcome: where it went, or why it was left alone (shared's `ClassifyResultSchema`). */
export type ClassifyResult = z.infer<typeof ClassifyResultSchema>;

/** Classifies many items; each succeeds or fails on its own, with the reason. */
export function classifyItems(
  deps: ItemServiceDeps,
  itemIds: readonly string[],
  target: ClassifyTarget,
  actor: string,
): ClassifyResult[] {
  const who = actor.trim();
  if (who === '') throw new CodedError('BAD_REQUEST', '必须指明操作人');
  const matchers = new Map<string, PointMatcher>();
  const matcherOf = (standardId: string) => {
    let matcher = matchers.get(standardId);
    if (matcher === undefined) {
      matcher = standardMatcher(deps.standards, standardId);
      matchers.set(standardId, matcher);
    }
    return matcher;
  };
  return itemIds.map((id) => {
    try {
      return classifyOne(deps, id, target, who, matcherOf);
    } catch (error) {
      if (error instanceof CodedError) return { id, ok: false, error: error.message };
      throw error;
    }
  });
}

function classifyOne(
  deps: ItemServiceDeps,
  id: string,
  target: ClassifyTarget,
  actor: string,
  matcherOf: (standardId: string) => PointMatcher,
): ClassifyResult {
  return deps.items.transaction(() => {
    const meta = deps.items.getMeta(id);
    const item = deps.items.getItem(id);
    if (meta === undefined || item === undefined) {
      throw new CodedError('NOT_FOUND', `试题 ${id} 不存在`);
    }
    const current = deps.standards.getPoint(meta.pointId);
    if (current?.unclassified !== true) {
      throw new CodedError(
        'CONFLICT',
        `试题 ${id} 已归入鉴定点 ${current?.path ?? meta.pointId}，不在未分类池中；要改鉴定点请编辑试题`,
      );
    }
    if (meta.status === 'retired' || meta.status === 'in_review') {
      throw new CodedError(
        'CONFLICT',
        `试题 ${id} ${meta.status === 'retired' ? '已停用' : '正在审核中'}，不能分类`,
      );
    }
    const { id: _id, version, reviewStatus, tags, source, enemyGroup, stats, ...rest } = item;
    void [_id, version, reviewStatus, stats];
    const { point, how } = chooseTarget(deps, meta.standardId, rest, target, matcherOf);
    const content = parseItemContent({ ...rest, assessmentPointId: point.id });
    checkPointFits(content, point);
    const at = deps.clock();
    const next = meta.version + 1;
    deps.items.insertVersion({
      id,
      version: next,
      status: 'draft',
      content,
      standardId: meta.standardId,
      author: meta.author,
      actor,
      at,
      note: `分类：未分类 → ${point.path} ${point.name}`,
      tags,
      ...(source === undefined ? {} : { source }),
      ...(enemyGroup === undefined ? {} : { enemyGroup }),
      readableText: readableItemText(content),
      searchText: searchText(content),
      similarityText: similarityText(content),
    });
    deps.items.addReviewEvent({
      itemId: id,
      version: next,
      from: meta.status,
      to: 'draft',
      actor,
      at,
      comment: `分类到鉴定点 ${point.path}（${point.name}）${how}`,
    });
    refreshNearDuplicates(deps.items, id, content, at);
    return { id, ok: true, pointId: point.id, path: point.path, version: next };
  });
}

function chooseTarget(
  deps: ItemServiceDeps,
  standardId: string,
  content: ItemContent,
  target: ClassifyTarget,
  matcherOf: (standardId: string) => PointMatcher,
): { point: PointRecord; how: string } {
  if ('pointId' in target) {
    const point = deps.standards.getPoint(target.pointId);
    if (point === undefined || point.unclassified === true) {
      throw new CodedError('BAD_REQUEST', `鉴定点 ${target.pointId} 不在题库的标准中`);
    }
    if (point.standardId !== standardId) {
      throw new CodedError(
        'BAD_REQUEST',
        `鉴定点 ${point.path} 属于标准 ${point.standardId}，试题属于标准 ${standardId}`,
      );
    }
    return { point, how: '' };
  }
  const [top] = matcherOf(standardId).suggest(classificationText(content), 1);
  const point = top === undefined ? undefined : deps.standards.getPoint(top.pointId);
  if (top === undefined || point === undefined) {
    throw new CodedError(
      'BAD_REQUEST',
      '没有可建议的鉴定点（试题文字与各鉴定点名称都不相符），请手动选择鉴定点',
    );
  }
  return { point, how: `，采纳分类建议（匹配度 ${top.score}）` };
}
