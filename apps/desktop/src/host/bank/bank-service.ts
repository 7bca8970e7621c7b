import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodedError,
  createProgress,
  type AuthorUser,
  type BankDashboard,
  type BankImportReport,
  type BankItemView,
  type BankReviewAction,
  type BankSearchFilter,
  type BankSession,
  type ImportPreview,
  type ItemStatisticsHistory,
  type ReviewEventView,
  type StandardSummaryView,
  type StandardTreeNode,
} from '@skillexam/shared';
import {
  classificationQueue,
  classifyItemsAs,
  computeHealthReport,
  createClassificationRepository,
  diffItemVersions,
  importItemFile,
  exportItems,
  importStandard,
  itemHistory,
  itemStatisticsHistory,
  nodeId,
  openBank,
  previewItemFile,
  reviewManyItems,
  saveItem,
  searchItems,
  tagItems,
  assetHash,
  type Actor,
  type Bank,
  type ClassificationQueue,
  type ClassifyResult,
  type ClassifyTarget,
  type ImportItemFileRequest,
  type ItemEditResult,
  type PreviewItemFileRequest,
  type ReviewEvent,
  type SearchFilter,
  type SearchPage,
  type SimilarityMatch,
  type VersionDiff,
} from '@skillexam/item-bank';
import { AuthorUsers } from './author-users';
import { UNWATCHED, type OperationControl } from './bank-operations';
import { assemblyWorkerBootstrap } from './assembly-runner';
import { buildDashboard } from './bank-dashboard';
import { bankFileName, ensureDir, listBankFiles, type BankFileEntry } from './bank-files';
import { inspectImport, type ImportInspection } from './import-inspect';
import { buildStandardTree } from './standard-tree';

export interface BankServiceOptions {
  /** Folder holding the .qbank files and authors.json. */
  readonly bankDir: string;
  readonly clock?: () => string;
  /** Assemble in a worker thread when one can start (assembly-runner.ts). */
  readonly workers?: boolean;
}

/** The workbench's import: the item-file workflow's request, the file as bytes. */
export type ImportRequest = Omit<ImportItemFileRequest, 'onNearDuplicate'> & {
  readonly bytes: Uint8Array;
};

/** One item's outcome in a bulk action (review, tag). */
export type BulkResult = ItemEditResult;

/**
 * One open .qbank file and the signed-in local user, for the author workbench
 * (docs/decisions/0551-bank-service.md). Every authoring action is done as that user, through
 * item-bank's workflows, which check the roles each use case needs.
 */
export class BankService {
  readonly #dir: string;
  readonly #users: AuthorUsers;
  readonly #clock: () => string;
  #bank: Bank | undefined;
  #bankName: string | undefined;
  /** The worker's start script, when assembly runs in a worker thread. */
  readonly workerBootstrap: string | undefined;

  constructor(options: BankServiceOptions) {
    this.#dir = options.bankDir;
    this.workerBootstrap = options.workers === true ? assemblyWorkerBootstrap() : undefined;
    // The folder is made on first use (sign-in or a new bank), never just by starting the host.
    this.#users = new AuthorUsers(this.#dir);
    this.#clock = options.clock ?? (() => new Date().toISOString());
  }

  session(): BankSession {
    const user = this.#users.current();
    return {
      bankDir: this.#dir,
      ...(this.#bank === undefined || this.#bankName === undefined
        ? {}
        : { bank: { name: this.#bankName, path: this.#bank.path } }),
      ...(user === undefined ? {} : { user }),
      users: this.#users.list(),
    };
  }

  listFiles(): BankFileEntry[] {
    return listBankFiles(this.#dir);
  }

  open(name: string, create: boolean): BankSession {
    this.#user();
    const fileName = bankFileName(name);
    const path = join(this.#dir, fileName);
    const exists = existsSync(path);
    if (!exists && !create) throw new CodedError('NOT_FOUND', `题库文件 ${fileName} 不存在`);
    if (exists && create)
      throw new CodedError('CONFLICT', `题库文件 ${fileName} 已存在，请直接打开`);
    this.close();
    ensureDir(this.#dir);
    this.#bank = openBank(path, { clock: this.#clock });
    this.#bankName = fileName;
    return this.session();
  }

  close(): BankSession {
    this.#bank?.close();
    this.#bank = undefined;
    this.#bankName = undefined;
    return this.session();
  }

  setUser(user: AuthorUser): BankSession {
    this.#users.signIn(user);
    return this.session();
  }

  #open(): Bank {
    if (this.#bank === undefined) throw new CodedError('CONFLICT', '请先打开或新建一个题库');
    return this.#bank;
  }

  /** The signed-in user, who acts in every workflow (each checks the roles it needs). */
  #user(): Actor {
    const user = this.#users.current();
    if (user === undefined) throw new CodedError('UNAUTHORIZED', '请先选择当前用户');
    return user;
  }

  /** The acting user, the open bank and the bank folder, for the paper service. */
  paperContext(): { bank: Bank; actor: Actor; dir: string } {
    const actor = this.#user();
    return { bank: this.#open(), actor, dir: this.#dir };
  }

  standards(): StandardSummaryView[] {
    return this.#open().standards.listStandards();
  }

  standardTree(standardId: string): StandardTreeNode[] {
    const bank = this.#open();
    const doc = bank.standards.getStandardDocument(standardId);
    if (doc === undefined) throw new CodedError('NOT_FOUND', `题库中没有标准 ${standardId}`);
    const report = computeHealthReport(bank.health.healthData(standardId));
    return buildStandardTree(standardId, doc.ranges, report.points);
  }

  async importStandard(fileName: string, bytes: Uint8Array) {
    const user = this.#user();
    const report = await importStandard(this.#open(), user, bytes, fileName);
    if (report.standard === undefined) throw new CodedError('BAD_REQUEST', '标准导入失败');
    return {
      standard: report.standard,
      warnings: report.issues.map((issue) => JSON.stringify(issue)),
    };
  }

  search(query: string, filter: BankSearchFilter, offset: number, limit: number): SearchPage {
    return searchItems(this.#open().search, query, toSearchFilter(filter), { offset, limit });
  }

  getItem(id: string): BankItemView {
    const bank = this.#open();
    const item = bank.items.getItem(id);
    const meta = bank.items.getMeta(id);
    if (item === undefined || meta === undefined)
      throw new CodedError('NOT_FOUND', `试题 ${id} 不存在`);
    const pointPath = bank.standards.getPoint(item.assessmentPointId)?.path;
    return {
      item,
      author: meta.author,
      versionCreatedBy: meta.versionCreatedBy,
      updatedAt: meta.updatedAt,
      ...(pointPath === undefined ? {} : { pointPath }),
      events: bank.items.listReviewEvents(id).map(eventView),
    };
  }

  saveItem(input: { id?: string; content: unknown; tags?: string[]; note?: string }): {
    item: BankItemView;
    newVersion: boolean;
    nearDuplicates: SimilarityMatch[];
  } {
    const user = this.#user();
    const result = saveItem(this.#open(), user, {
      content: input.content,
      ...(input.id === undefined ? {} : { id: input.id }),
      ...(input.tags === undefined ? {} : { tags: input.tags }),
      ...(input.note === undefined ? {} : { note: input.note }),
    });
    return {
      item: this.getItem(result.item.id),
      newVersion: result.newVersion,
      nearDuplicates: result.nearDuplicates,
    };
  }

  putAsset(mime: string, bytes: Uint8Array): string {
    this.#user();
    const bank = this.#open();
    const hash = assetHash(bytes);
    if (!bank.items.hasAsset(hash)) bank.items.putAsset({ hash, mime, bytes });
    return hash;
  }

  assets(hashes: readonly string[]): { hash: string; dataUrl: string }[] {
    const bank = this.#open();
    return hashes.flatMap((hash) => {
      const asset = bank.items.getAsset(hash);
      if (asset === undefined) return [];
      return [
        {
          hash,
          dataUrl: `data:${asset.mime};base64,${Buffer.from(asset.bytes).toString('base64')}`,
        },
      ];
    });
  }

  /** One review action on many items; each item succeeds or fails on its own, with the reason. */
  review(ids: readonly string[], action: BankReviewAction, comment?: string): BulkResult[] {
    const user = this.#user();
    const { done, refused } = reviewManyItems(this.#open(), user, ids, {
      action,
      ...(comment === undefined ? {} : { comment }),
    });
    const results = new Map<string, BulkResult>([
      ...done.map((d): [string, BulkResult] => [d.id, { id: d.id, ok: true, status: d.status }]),
      ...refused.map((r): [string, BulkResult] => [r.id, { id: r.id, ok: false, error: r.reason }]),
    ]);
    return ids.map((id) => results.get(id) ?? { id, ok: false, error: `试题 ${id} 未处理` });
  }

  /** Adds tags; an approved item gets a new version (back to draft), as every edit does. */
  tag(ids: readonly string[], tags: readonly string[]): BulkResult[] {
    const user = this.#user();
    return tagItems(this.#open(), user, ids, tags);
  }

  history(id: string) {
    const history = itemHistory(this.#open().items, id);
    return { versions: history.versions, events: history.events.map(eventView) };
  }

  /** 实测统计: the item's statistics per version and per administration. */
  itemStatistics(id: string): ItemStatisticsHistory {
    return itemStatisticsHistory(this.#open(), id);
  }

  diff(id: string, from: number, to: number): VersionDiff {
    return diffItemVersions(this.#open().items, id, from, to);
  }

  dashboard(standardId?: string): BankDashboard {
    const bank = this.#open();
    const data = bank.health.healthData(standardId);
    const report = computeHealthReport(data);
    const standards = bank.standards
      .listStandards()
      .filter((standard) => standardId === undefined || standard.id === standardId);
    const topRanges = standards.flatMap((standard) =>
      (bank.standards.getStandardDocument(standard.id)?.ranges ?? []).map((range) => ({
        id: nodeId(standard.id, range.code),
        path: standards.length > 1 ? `${standard.occupationName} ${range.code}` : range.code,
        name: range.name,
      })),
    );
    return buildDashboard(report, data, topRanges);
  }

  /** One page of a standard's 未分类 items with their 鉴定点 suggestions (the 分类队列). */
  classificationQueue(standardId: string, offset: number, limit: number): ClassificationQueue {
    const bank = this.#open();
    return classificationQueue(
      { ...bank, classification: createClassificationRepository(bank.db) },
      standardId,
      { offset, limit },
    );
  }

  /** Files items under a 鉴定点 (or each under its top suggestion), each on its own. */
  classify(ids: readonly string[], target: ClassifyTarget): ClassifyResult[] {
    const user = this.#user();
    return classifyItemsAs(this.#open(), user, ids, target);
  }

  inspectImport(fileName: string, bytes: Uint8Array): Promise<ImportInspection> {
    return inspectImport(fileName, bytes);
  }

  /** Imports (or dry-runs) an item file as the signed-in user, reporting to `control`. */
  async importItems(
    request: ImportRequest,
    control: OperationControl = UNWATCHED,
  ): Promise<BankImportReport> {
    const user = this.#user();
    const { bytes, ...file } = request;
    // In this thread: the engine pauses inside its transaction, so a cancel gets through.
    const progress = createProgress(control.listener, { signal: control.signal });
    return importItemFile(this.#open(), user, bytes, { ...file, progress });
  }

  /** The questions of an item file as the candidate will see them; the bank is not touched. */
  async previewImport(
    request: PreviewItemFileRequest & { readonly bytes: Uint8Array },
  ): Promise<ImportPreview> {
    const { bytes, ...file } = request;
    return previewItemFile(this.#user(), bytes, file);
  }

  async exportItems(
    format: 'xlsx' | 'csv' | 'qti' | 'bankpkg' | 'docx',
    query: string,
    filter: BankSearchFilter,
  ) {
    const bank = this.#open();
    const result = await exportItems(bank, { format, query, filter: toSearchFilter(filter) });
    const extension = format === 'qti' ? 'zip' : format;
    const base = (this.#bankName ?? 'bank').replace(/\.qbank$/i, '');
    return { fileName: `${base}-试题导出.${extension}`, bytes: result.bytes, count: result.count };
  }
}

/** Drops absent filter fields (zod gives `undefined`; the search filter wants them missing). */
export function toSearchFilter(filter: BankSearchFilter): SearchFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''),
  ) as SearchFilter;
}

function eventView(event: ReviewEvent): ReviewEventView {
  return {
    version: event.version,
    ...(event.from === undefined ? {} : { from: event.from }),
    to: event.to,
    actor: event.actor,
    at: event.at,
    ...(event.comment === undefined ? {} : { comment: event.comment }),
  };
}
