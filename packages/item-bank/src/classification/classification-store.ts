/** What the classification queue needs from storage beyond items and standards (db/). */
export interface ClassificationStore {
  /** Items of a 未分类 pool point that are not retired, oldest first, one page. */
  poolItemIds(poolPointId: string, offset: number, limit: number): { total: number; ids: string[] };
}
