import { z } from 'zod';
import { EntityIdSchema } from '../domain/common';

/*
 * The workbench's view of an item's measured statistics (`bank:item-statistics`): per version
 * the pooled (n-weighted) figures and the two exposure counts, and every administration
 * (paper, session, date, n) they come from. Spread into bankChannels. Item-bank's
 * `PooledStatistics` and `Administration` are `z.infer` of these (declared once, here).
 */

export const PooledStatisticsSchema = z.object({
  itemId: z.string(),
  version: z.int().min(1),
  /** Responses pooled over. */
  n: z.int().min(0),
  p: z.number().min(0).max(1).optional(),
  discrimination: z.number().min(-1).max(1).optional(),
  administrations: z.int().min(0),
  /** Papers that pinned this version. */
  papersPinned: z.int().min(0),
  /** Candidates who were given this version (imported response files). */
  candidatesSeen: z.int().min(0),
});
export type PooledStatisticsView = z.infer<typeof PooledStatisticsSchema>;

export const AdministrationSchema = z.object({
  importId: z.int(),
  itemId: z.string(),
  version: z.int().min(1),
  n: z.int().min(0),
  p: z.number().min(0).max(1),
  discrimination: z.number().min(-1).max(1).optional(),
  candidatesSeen: z.int().min(0),
  flags: z.array(z.string()),
  fileName: z.string(),
  examId: z.string().optional(),
  sessionId: z.string().optional(),
  /** YYYY-MM-DD. */
  administeredOn: z.string().optional(),
  importedAt: z.string(),
});
export type AdministrationView = z.infer<typeof AdministrationSchema>;

export const ItemStatisticsHistorySchema = z.object({
  itemId: z.string(),
  currentVersion: z.int().min(1),
  versions: z.array(PooledStatisticsSchema),
  administrations: z.array(AdministrationSchema),
});
export type ItemStatisticsHistory = z.infer<typeof ItemStatisticsHistorySchema>;

export const statisticsChannels = {
  'bank:item-statistics': {
    input: z.object({ id: EntityIdSchema }).strict(),
    output: ItemStatisticsHistorySchema,
  },
} as const;
