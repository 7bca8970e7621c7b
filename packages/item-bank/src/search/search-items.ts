import { CodedError } from '@skillexam/shared';
import { planQuery } from './search-plan';
import type { SearchFilter, SearchPage, SearchPageRequest, SearchStore } from './search-types';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

/** Full-text search with filters; an empty query lists the filtered items. Paged, with total. */
export function searchItems(
  store: SearchStore,
  query: string,
  filter: SearchFilter = {},
  page: SearchPageRequest = {},
): SearchPage {
  const limit = page.limit ?? DEFAULT_PAGE_SIZE;
  const offset = page.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new CodedError('BAD_REQUEST', `每页条数应为 1–${MAX_PAGE_SIZE} 的整数，实际为 ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new CodedError('BAD_REQUEST', `偏移量应为非负整数，实际为 ${offset}`);
  }
  if (query.length > 200) throw new CodedError('BAD_REQUEST', '搜索词过长（最多 200 字）');
  return store.search(planQuery(query), filter, limit, offset);
}
