import { createHash } from 'node:crypto';
import {
  CodedError,
  contentAssetHashes,
  type Item,
  type ItemContent,
  type ItemVersionRef,
  type ReviewStatus,
} from '@skillexam/shared';
import type { StandardStore } from '../standards/standard-store';
import { checkPointFits, parseItemContent } from './item-validation';
import type { ItemStore, ItemWrite } from './item-store';
import { readableItemText, searchText, similarityText } from './item-text';
import { bigramSet, findSimilar, type SimilarityMatch } from './similarity';

export interface ItemServiceDeps {
  readonly items: ItemStore;
  readonly standards: StandardStore;
  /** Current time as an ISO string. */
  readonly clock: () => string;
  readonly newId: () => string;
}

export interface NewAsset {
  readonly bytes: Uint8Array;
  readonly mime: string;
}

export interface SaveItemInput {
  /** Raw content, validated with the shared `ItemContentSchema`. */
  readonly content: unknown;
  readonly tags?: readonly string[];
  readonly source?: string;
  readonly enemyGroup?: string;
  /** 修改说明 for the version. */
  readonly note?: string;
  /** Image bytes the content refers to by hash; stored once per hash. */
  readonly assets?: readonly NewAsset[];
}

export interface SaveItemResult {
  readonly item: Item;
  /** True when an approved (sealed) version was left alone and a new version made. */
  readonly newVersion: boolean;
  /** Other items of the same 鉴定点 whose text is ≥ 0.85 similar. */
  readonly nearDuplicates: SimilarityMatch[];
}

export function assetHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores new assets and checks that every image the content shows is in the bank. */
export function storeAssets(
  store: ItemStore,
  content: ItemContent,
  assets: readonly NewAsset[],
): void {
  for (const asset of assets) {
    const hash = assetHash(asset.bytes);
    if (!store.hasAsset(hash)) store.putAsset({ hash, mime: asset.mime, bytes: asset.bytes });
  }
  for (const hash of contentAssetHashes(content)) {
    if (!store.hasAsset(hash)) {
      throw new CodedError(
        'BAD_REQUEST',
        `试题引用的图片 ${hash.slice(0, 12)}… 不在题库中，也未随试题提供`,
      );
    }
  }
}

/** Recomputes and stores the near-duplicate flags of one item; returns the matches. */
export function refreshNearDuplicates(
  store: ItemStore,
  itemId: string,
  content: ItemContent,
  at: string,
): SimilarityMatch[] {
  const grams = bigramSet(similarityText(content));
  const candidates = store
    .pointTexts(content.assessmentPointId)
    .filter((entry) => entry.id !== itemId)
    .map((entry) => ({ id: entry.id, grams: bigramSet(entry.text) }));
  const matches = findSimilar(grams, candidates);
  store.replaceDuplicateFlags(
    itemId,
    matches.map((match) => ({
      itemId,
      otherItemId: match.id,
      similarity: match.similarity,
      detectedAt: at,
    })),
  );
  return matches;
}

function tidyTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

function buildWrite(
  base: Omit<ItemWrite, 'readableText' | 'searchText' | 'similarityText' | 'tags'>,
  tags: readonly string[],
): ItemWrite {
  return {
    ...base,
    tags,
    readableText: readableItemText(base.content),
    searchText: searchText(base.content),
    similarityText: similarityText(base.content),
  };
}

function loadItem(store: ItemStore, id: string): Item {
  const item = store.getItem(id);
  if (item === undefined) throw new CodedError('NOT_FOUND', `试题 ${id} 不存在`);
  return item;
}

/** Creates a draft item (version 1) and flags near-duplicates of the same 鉴定点. */
export function createItem(
  deps: ItemServiceDeps,
  input: SaveItemInput,
  actor: string,
): SaveItemResult {
  const content = parseItemContent(input.content);
  const point = checkPointFits(content, deps.standards.getPoint(content.assessmentPointId));
  const at = deps.clock();
  const id = deps.newId();
  return deps.items.transaction(() => {
    storeAssets(deps.items, content, input.assets ?? []);
    deps.items.insertItem(
      buildWrite(
        {
          id,
          version: 1,
          status: 'draft',
          content,
          standardId: point.standardId,
          author: actor,
          actor,
          at,
          ...(input.note === undefined ? {} : { note: input.note }),
          ...(input.source === undefined ? {} : { source: input.source }),
          ...(input.enemyGroup === undefined ? {} : { enemyGroup: input.enemyGroup }),
        },
        tidyTags(input.tags),
      ),
    );
    deps.items.addReviewEvent({ itemId: id, version: 1, to: 'draft', actor, at, comment: '新建' });
    const nearDuplicates = refreshNearDuplicates(deps.items, id, content, at);
    return { item: loadItem(deps.items, id), newVersion: false, nearDuplicates };
  });
}

const EDITABLE: readonly ReviewStatus[] = ['draft', 'rejected', 'approved'];

/**
 * Edits an item. An unsealed draft/rejected version changes in place; a sealed version
 * (approved or pinned by a paper) is never touched: the edit becomes version n + 1.
 * Either way the item returns to `draft` and must be reviewed again.
 */
export function updateItem(
  deps: ItemServiceDeps,
  id: string,
  input: SaveItemInput,
  actor: string,
): SaveItemResult {
  const content = parseItemContent(input.content);
  const point = checkPointFits(content, deps.standards.getPoint(content.assessmentPointId));
  const at = deps.clock();
  return deps.items.transaction(() => {
    const meta = deps.items.getMeta(id);
    const current = deps.items.getItem(id);
    if (meta === undefined || current === undefined) {
      throw new CodedError('NOT_FOUND', `试题 ${id} 不存在`);
    }
    if (!EDITABLE.includes(meta.status)) {
      throw new CodedError(
        'CONFLICT',
        meta.status === 'in_review'
          ? `试题 ${id} 正在审核中，不能修改；请等待审核结果`
          : `试题 ${id} 已停用，不能修改`,
      );
    }
    storeAssets(deps.items, content, input.assets ?? []);
    const newVersion = meta.versionSealed;
    const source = input.source ?? current.source;
    const enemyGroup = input.enemyGroup ?? current.enemyGroup;
    const write = buildWrite(
      {
        id,
        version: newVersion ? meta.version + 1 : meta.version,
        status: 'draft',
        content,
        standardId: point.standardId,
        author: meta.author,
        actor,
        at,
        ...(input.note === undefined ? {} : { note: input.note }),
        ...(source === undefined ? {} : { source }),
        ...(enemyGroup === undefined ? {} : { enemyGroup }),
      },
      input.tags === undefined ? current.tags : tidyTags(input.tags),
    );
    if (newVersion) deps.items.insertVersion(write);
    else deps.items.replaceCurrentVersion(write);
    if (meta.status !== 'draft') {
      deps.items.addReviewEvent({
        itemId: id,
        version: write.version,
        from: meta.status,
        to: 'draft',
        actor,
        at,
        comment: newVersion ? `修改已通过的试题，生成第 ${write.version} 版` : '修改后重新编辑',
      });
    }
    const nearDuplicates = refreshNearDuplicates(deps.items, id, content, at);
    return { item: loadItem(deps.items, id), newVersion, nearDuplicates };
  });
}

/** A paper pins one version; the version is sealed so it can never change under the paper. */
export function pinItemVersion(deps: ItemServiceDeps, paperId: string, ref: ItemVersionRef): void {
  deps.items.transaction(() => {
    if (deps.items.getVersion(ref.itemId, ref.version) === undefined) {
      throw new CodedError('NOT_FOUND', `试题 ${ref.itemId} 没有第 ${ref.version} 版`);
    }
    deps.items.sealVersion(ref.itemId, ref.version);
    deps.items.pinVersion(paperId, ref.itemId, ref.version, deps.clock());
  });
}
