import type { Item, ItemContent, ItemVersion, ReviewStatus } from '@skillexam/shared';

/** Bookkeeping around an item that the shared `Item` does not carry. */
export interface ItemMeta {
  readonly id: string;
  readonly version: number;
  readonly status: ReviewStatus;
  readonly author: string;
  readonly standardId: string;
  readonly pointId: string;
  /** The current version is frozen (approved once, or pinned by a paper). */
  readonly versionSealed: boolean;
  readonly versionCreatedBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The row-level facts written for an item's current version. */
export interface ItemWrite {
  readonly id: string;
  readonly version: number;
  readonly status: ReviewStatus;
  readonly content: ItemContent;
  readonly standardId: string;
  readonly author: string;
  readonly actor: string;
  readonly at: string;
  readonly note?: string;
  readonly tags: readonly string[];
  readonly source?: string;
  readonly enemyGroup?: string;
  readonly readableText: string;
  readonly searchText: string;
  readonly similarityText: string;
}

export interface ReviewEvent {
  readonly itemId: string;
  readonly version: number;
  readonly from?: ReviewStatus;
  readonly to: ReviewStatus;
  readonly actor: string;
  readonly at: string;
  readonly comment?: string;
}

export interface DuplicateFlag {
  readonly itemId: string;
  readonly otherItemId: string;
  readonly similarity: number;
  readonly detectedAt: string;
}

export interface StoredAsset {
  readonly hash: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

/** What the item, review and import services need from storage (implemented in db/). */
export interface ItemStore {
  transaction<T>(fn: () => T): T;
  /**
   * One transaction across awaits, for a long import that must stay cancellable
   * (docs/decisions/0943): `fn` calls `pause()` now and then to let the event loop run (a
   * Ctrl-C, a cancel click). While paused, another `transaction` on this store is refused
   * (CONFLICT) instead of joining the open one. A throw rolls everything back.
   */
  transactionAsync<T>(fn: (pause: () => Promise<void>) => Promise<T>): Promise<T>;
  getItem(id: string): Item | undefined;
  getMeta(id: string): ItemMeta | undefined;
  /** Ids of every item in `status`, oldest first (bulk review: `--all-submitted`). */
  idsWithStatus(status: ReviewStatus): string[];
  /** A new item with its first version, tags and search entries. */
  insertItem(write: ItemWrite): void;
  /** Adds version `write.version` and makes it current. */
  insertVersion(write: ItemWrite): void;
  /** Rewrites the current, unsealed version in place (draft edits). */
  replaceCurrentVersion(write: ItemWrite): void;
  setStatus(id: string, status: ReviewStatus, at: string): void;
  sealVersion(id: string, version: number): void;
  addReviewEvent(event: ReviewEvent): void;
  listReviewEvents(id: string): ReviewEvent[];
  listVersions(id: string): ItemVersion[];
  getVersion(id: string, version: number): ItemVersion | undefined;
  hasAsset(hash: string): boolean;
  putAsset(asset: StoredAsset): void;
  getAsset(hash: string): StoredAsset | undefined;
  /** Current similarity texts of the other items of a 鉴定点. */
  pointTexts(pointId: string): { id: string; text: string }[];
  replaceDuplicateFlags(itemId: string, flags: readonly DuplicateFlag[]): void;
  listDuplicateFlags(): DuplicateFlag[];
  pinVersion(paperId: string, itemId: string, version: number, at: string): void;
}
