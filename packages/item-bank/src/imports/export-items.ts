import { CodedError } from '@skillexam/shared';
import type { ExportItem, WritableItemFileFormat } from '../import-export/item-file-types';
import { writeItemFile } from '../import-export/write-item-file';
import type { ItemStore } from '../items/item-store';
import { searchItems } from '../search/search-items';
import type { SearchFilter, SearchStore } from '../search/search-types';
import type { StandardStore } from '../standards/standard-store';

export interface ExportDeps {
  readonly items: ItemStore;
  readonly standards: StandardStore;
  readonly search: SearchStore;
  readonly clock: () => string;
}

export interface ExportItemsOptions {
  readonly format: WritableItemFileFormat;
  readonly filter?: SearchFilter;
  /** Optional full-text query, as in search. */
  readonly query?: string;
}

export interface ExportResult {
  readonly bytes: Uint8Array;
  readonly count: number;
}

const PAGE = 200;

/** The current version of every matching item, as ExportItems (鉴定点 as its code). */
export function collectExportItems(deps: ExportDeps, options: Omit<ExportItemsOptions, 'format'>) {
  const items: ExportItem[] = [];
  const pointCodes = new Map<string, string | undefined>();
  for (let offset = 0; ; offset += PAGE) {
    const page = searchItems(deps.search, options.query ?? '', options.filter ?? {}, {
      limit: PAGE,
      offset,
    });
    for (const hit of page.hits) {
      const item = deps.items.getItem(hit.id);
      if (item === undefined) continue;
      const { id, version, reviewStatus, tags, source, enemyGroup, stats, ...content } = item;
      void stats;
      if (!pointCodes.has(content.assessmentPointId)) {
        pointCodes.set(
          content.assessmentPointId,
          deps.standards.getPoint(content.assessmentPointId)?.path,
        );
      }
      const pointCode = pointCodes.get(content.assessmentPointId);
      items.push({
        id,
        version,
        content,
        status: reviewStatus,
        tags,
        ...(pointCode === undefined ? {} : { pointCode }),
        ...(source === undefined ? {} : { source }),
        ...(enemyGroup === undefined ? {} : { enemyGroup }),
      });
    }
    if (offset + PAGE >= page.total) break;
  }
  return items;
}

/** Writes the matching items in one of the export formats. */
export async function exportItems(
  deps: ExportDeps,
  options: ExportItemsOptions,
): Promise<ExportResult> {
  const items = collectExportItems(deps, options);
  if (items.length === 0) throw new CodedError('NOT_FOUND', '没有符合条件的试题可导出');
  const bytes = await writeItemFile(
    items,
    (hash) => {
      const asset = deps.items.getAsset(hash);
      return asset === undefined ? undefined : { bytes: asset.bytes, mime: asset.mime };
    },
    options.format,
    { createdAt: deps.clock() },
  );
  return { bytes, count: items.length };
}
