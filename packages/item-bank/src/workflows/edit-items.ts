import { CodedError, type AuthorRole, type ReviewStatus } from '@skillexam/shared';
import {
  classifyItems,
  type ClassifyResult,
  type ClassifyTarget,
} from '../classification/classify-items';
import {
  createItem,
  updateItem,
  type ItemServiceDeps,
  type SaveItemInput,
  type SaveItemResult,
} from '../items/item-service';
import { requireRole, type Actor } from './actor';

/*
 * 命题: writing and changing items (new item, new version, tags, filing under a 鉴定点). Each
 * needs a 命题人员 or a 题库管理员; an edit of an approved item makes a new draft version.
 */

export const EDIT_ROLES: readonly AuthorRole[] = ['writer', 'admin'];

/** Creates an item (no id) or saves a new version of one. */
export function saveItem(
  deps: ItemServiceDeps,
  actor: Actor,
  input: SaveItemInput & { readonly id?: string },
): SaveItemResult {
  const who = requireRole(actor, EDIT_ROLES);
  const { id, ...save } = input;
  return id === undefined ? createItem(deps, save, who) : updateItem(deps, id, save, who);
}

/** One item's outcome in a bulk edit: its status after, or why it was left alone. */
export interface ItemEditResult {
  readonly id: string;
  readonly ok: boolean;
  readonly status?: ReviewStatus;
  readonly error?: string;
}

/** Adds tags to each item on its own; an approved item gets a new version, as every edit does. */
export function tagItems(
  deps: ItemServiceDeps,
  actor: Actor,
  ids: readonly string[],
  tags: readonly string[],
): ItemEditResult[] {
  const who = requireRole(actor, EDIT_ROLES);
  return ids.map((id) => {
    try {
      const item = deps.items.getItem(id);
      if (item === undefined) throw new CodedError('NOT_FOUND', `试题 ${id} 不存在`);
      const {
        id: _id,
        version,
        reviewStatus,
        tags: current,
        source,
        enemyGroup,
        stats,
        ...content
      } = item;
      void [_id, version, reviewStatus, source, enemyGroup, stats];
      const next = [...new Set([...current, ...tags])];
      if (next.length === current.length) return { id, ok: true, status: item.reviewStatus };
      const saved = updateItem(
        deps,
        id,
        { content, tags: next, note: `添加标签：${tags.join('、')}` },
        who,
      );
      return { id, ok: true, status: saved.item.reviewStatus };
    } catch (error) {
      if (error instanceof CodedError) return { id, ok: false, error: error.message };
      throw error;
    }
  });
}

/** Files items under a 鉴定点 (or each under its top suggestion), each on its own. */
export function classifyItemsAs(
  deps: ItemServiceDeps,
  actor: Actor,
  ids: readonly string[],
  target: ClassifyTarget,
): ClassifyResult[] {
  return classifyItems(deps, ids, target, requireRole(actor, EDIT_ROLES));
}
