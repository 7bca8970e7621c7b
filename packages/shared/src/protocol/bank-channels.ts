import { z } from 'zod';
import { AssetHashSchema } from '../content/asset-hash';
import { EntityIdSchema } from '../domain/common';
import { ItemSchema } from '../domain/item';
import { ItemVersionSchema } from '../domain/item-version';
import { ReviewStatusSchema, ItemTypeSchema } from '../domain/item-type';
import { ImportanceSchema } from '../domain/assessment-point';
import { TheoryLevelCodeSchema } from '../domain/level';
import { BlueprintSchema } from '../domain/blueprint';
import { CandidatePaperSchema } from '../domain/candidate-paper';
import { BankImportFormatSchema, BankImportReportSchema } from './bank-import';
import { ImportPreviewSchema } from './bank-import-preview';
import { OperationIdSchema, operationChannels } from './progress-events';
import { classificationChannels } from './classification-channels';
import { statisticsChannels } from './statistics-channels';

/*
 * The author workbench's `bank:*` channels (one open .qbank file in the desktop host).
 * Spread into `ipcContract`. Files travel as base64 over the bridge (the web shell caps a
 * message at 8 MB, so an upload is at most about 6 MB).
 */

const NoInput = z.object({}).strict();
const Base64Schema = z.string().max(8 * 1024 * 1024);
const FileNameSchema = z.string().trim().min(1).max(255);

/** A local workbench user: `id` is the actor written into the bank (ASCII), `name` is shown. */
export const AUTHOR_ROLES = ['writer', 'reviewer', 'admin'] as const;
export const AuthorRoleSchema = z.enum(AUTHOR_ROLES);
export type AuthorRole = z.infer<typeof AuthorRoleSchema>;
export const AuthorUserSchema = z.object({
  id: EntityIdSchema,
  name: z.string().trim().min(1).max(50),
  roles: z.array(AuthorRoleSchema).min(1),
});
export type AuthorUser = z.infer<typeof AuthorUserSchema>;

export const BankSessionSchema = z.object({
  bankDir: z.string(),
  bank: z.object({ name: z.string(), path: z.string() }).optional(),
  user: AuthorUserSchema.optional(),
  users: z.array(AuthorUserSchema),
});
export type BankSession = z.infer<typeof BankSessionSchema>;

export const BankFileSchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative(),
  modifiedAt: z.string(),
});

export const StandardSummarySchema = z.object({
  id: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  version: z.string(),
  title: z.string().optional(),
  levels: z.array(TheoryLevelCodeSchema),
  rangeCount: z.number().int(),
  pointCount: z.number().int(),
});
export type StandardSummaryView = z.infer<typeof StandardSummarySchema>;

/** One node of the 鉴定要素细目表 tree, flat (parent by key), with counts and health. */
export const StandardTreeNodeSchema = z.object({
  key: z.string(),
  parentKey: z.string().optional(),
  kind: z.enum(['range', 'point']),
  code: z.string(),
  path: z.string(),
  name: z.string(),
  importance: ImportanceSchema.optional(),
  /** Items that are not retired / approved items, under this node. */
  items: z.number().int().nonnegative(),
  approved: z.number().int().nonnegative(),
  /** ok: enough approved items; thin: fewer than the minimum; empty: none. */
  health: z.enum(['ok', 'thin', 'empty']),
});
export type StandardTreeNode = z.infer<typeof StandardTreeNodeSchema>;

export const BankSearchFilterSchema = z
  .object({
    standardId: z.string().max(200).optional(),
    rangeId: z.string().max(200).optional(),
    pointId: z.string().max(200).optional(),
    type: ItemTypeSchema.optional(),
    status: ReviewStatusSchema.optional(),
    difficulty: z.number().int().min(1).max(5).optional(),
    tag: z.string().max(50).optional(),
  })
  .strict();
export type BankSearchFilter = z.infer<typeof BankSearchFilterSchema>;

/** A search hit; item-bank's `SearchHit` (and `SearchPage` below) are `z.infer` of these. */
export const BankSearchHitSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  type: ItemTypeSchema,
  status: ReviewStatusSchema,
  level: TheoryLevelCodeSchema,
  difficulty: z.number(),
  pointId: z.string(),
  pointPath: z.string(),
  /** The start of the normalized text. */
  snippet: z.string(),
  /** Pooled measured p and discrimination of the current version, when measured. */
  p: z.number().min(0).max(1).optional(),
  discrimination: z.number().min(-1).max(1).optional(),
  /** Responses the measured figures are pooled over. */
  responseCount: z.int().min(0).optional(),
});
export type BankSearchHit = z.infer<typeof BankSearchHitSchema>;

export const BankSearchPageSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  hits: z.array(BankSearchHitSchema),
});

export const ReviewEventViewSchema = z.object({
  version: z.number().int(),
  from: ReviewStatusSchema.optional(),
  to: ReviewStatusSchema,
  actor: z.string(),
  at: z.string(),
  comment: z.string().optional(),
});
export type ReviewEventView = z.infer<typeof ReviewEventViewSchema>;

export const BankItemViewSchema = z.object({
  item: ItemSchema,
  author: z.string(),
  versionCreatedBy: z.string(),
  updatedAt: z.string(),
  pointPath: z.string().optional(),
  events: z.array(ReviewEventViewSchema),
});
export type BankItemView = z.infer<typeof BankItemViewSchema>;

/** The 审核 actions; item-bank's `ReviewAction` is this type (declared once, here). */
export const BANK_REVIEW_ACTIONS = ['submit', 'approve', 'reject', 'retire'] as const;
export const BankReviewActionSchema = z.enum(BANK_REVIEW_ACTIONS);
export type BankReviewAction = z.infer<typeof BankReviewActionSchema>;

const IdList = z.array(EntityIdSchema).min(1).max(1000);
const BulkResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      status: ReviewStatusSchema.optional(),
      error: z.string().optional(),
    }),
  ),
});

const ImportFileInput = {
  fileName: FileNameSchema,
  data: Base64Schema,
};

const CountRecord = z.record(z.string(), z.number());

export const BankDashboardSchema = z.object({
  totalItems: z.number().int(),
  byStatus: CountRecord,
  byType: CountRecord,
  difficulty: CountRecord,
  importance: z.record(z.string(), z.object({ points: z.number(), approvedItems: z.number() })),
  /** Per top-level 鉴定范围: points, covered points (≥ 1 approved item), approved items. */
  ranges: z.array(
    z.object({
      path: z.string(),
      name: z.string(),
      points: z.number(),
      covered: z.number(),
      approved: z.number(),
    }),
  ),
  thinPointCount: z.number().int(),
  /** Items (not retired) waiting in the 未分类 pool for a 鉴定点 (the 分类队列). */
  unclassified: z.number().int().nonnegative(),
  /** Measured p (proportion correct) of items with statistics, in ten 0.1-wide bins. */
  pHistogram: z.array(z.number().int()).length(10),
  withStatistics: z.number().int(),
  statisticsFlags: z.array(z.object({ id: z.string(), reasons: z.array(z.string()) })),
});
export type BankDashboard = z.infer<typeof BankDashboardSchema>;

const AssemblyProblemSchema = z.object({
  family: z.string(),
  message: z.string(),
  required: z.number().optional(),
  available: z.number().optional(),
});
const ConstraintCheckSchema = z.object({
  id: z.string(),
  label: z.string(),
  ok: z.boolean(),
  actual: z.string(),
  required: z.string(),
});
const PaperIdSchema = z.string().min(1).max(200);
const FileReply = z.object({ fileName: z.string(), data: z.string() });

export const bankChannels = {
  ...classificationChannels,
  ...statisticsChannels,
  ...operationChannels,
  'bank:session': { input: NoInput, output: BankSessionSchema },
  'bank:list-files': { input: NoInput, output: z.object({ files: z.array(BankFileSchema) }) },
  /** Opens (or with `create`, creates) a .qbank file in the bank folder. */
  'bank:open': {
    input: z.object({ name: FileNameSchema, create: z.boolean().optional() }).strict(),
    output: BankSessionSchema,
  },
  'bank:close': { input: NoInput, output: BankSessionSchema },
  /** Switches the current user; an unknown id is added to the local user list. */
  'bank:set-user': { input: AuthorUserSchema.strict(), output: BankSessionSchema },
  'bank:standards': {
    input: NoInput,
    output: z.object({ standards: z.array(StandardSummarySchema) }),
  },
  'bank:standard-tree': {
    input: z.object({ standardId: z.string().min(1).max(200) }).strict(),
    output: z.object({ nodes: z.array(StandardTreeNodeSchema) }),
  },
  'bank:import-standard': {
    input: z.object(ImportFileInput).strict(),
    output: z.object({ standard: StandardSummarySchema, warnings: z.array(z.string()) }),
  },
  'bank:search': {
    input: z
      .object({
        query: z.string().max(200),
        filter: BankSearchFilterSchema,
        offset: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(200),
      })
      .strict(),
    output: BankSearchPageSchema,
  },
  'bank:get-item': {
    input: z.object({ id: EntityIdSchema }).strict(),
    output: BankItemViewSchema,
  },
  /** Creates (no id) or updates an item; content is validated by the shared item schema. */
  'bank:save-item': {
    input: z
      .object({
        id: EntityIdSchema.optional(),
        content: z.unknown(),
        tags: z.array(z.string().max(50)).max(50).optional(),
        note: z.string().max(1000).optional(),
      })
      .strict(),
    output: z.object({
      item: BankItemViewSchema,
      newVersion: z.boolean(),
      nearDuplicates: z.array(z.object({ id: z.string(), similarity: z.number() })),
    }),
  },
  /** Stores an image by content hash (paste, drop, file picker). */
  'bank:put-asset': {
    input: z
      .object({
        mime: z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp']),
        data: Base64Schema,
      })
      .strict(),
    output: z.object({ hash: AssetHashSchema }),
  },
  'bank:assets': {
    input: z.object({ hashes: z.array(AssetHashSchema).max(100) }).strict(),
    output: z.object({ assets: z.array(z.object({ hash: z.string(), dataUrl: z.string() })) }),
  },
  'bank:review': {
    input: z
      .object({
        ids: IdList,
        action: BankReviewActionSchema,
        comment: z.string().max(2000).optional(),
      })
      .strict(),
    output: BulkResultSchema,
  },
  'bank:tag': {
    input: z
      .object({ ids: IdList, tags: z.array(z.string().trim().min(1).max(50)).min(1) })
      .strict(),
    output: BulkResultSchema,
  },
  'bank:history': {
    input: z.object({ id: EntityIdSchema }).strict(),
    output: z.object({
      versions: z.array(ItemVersionSchema),
      events: z.array(ReviewEventViewSchema),
    }),
  },
  'bank:diff': {
    input: z
      .object({ id: EntityIdSchema, from: z.number().int().min(1), to: z.number().int().min(1) })
      .strict(),
    output: z.object({
      from: z.number().int(),
      to: z.number().int(),
      patch: z.string(),
      added: z.number().int(),
      removed: z.number().int(),
    }),
  },
  'bank:dashboard': {
    input: z.object({ standardId: z.string().max(200).optional() }).strict(),
    output: BankDashboardSchema,
  },
  /** Detects the format; for xlsx/csv also returns the header row and the template fields. */
  'bank:inspect-import': {
    input: z.object(ImportFileInput).strict(),
    output: z.object({
      format: BankImportFormatSchema.optional(),
      headers: z.array(z.string()),
      fields: z.array(z.object({ field: z.string(), header: z.string() })),
    }),
  },
  'bank:import-items': {
    input: z
      .object({
        ...ImportFileInput,
        format: BankImportFormatSchema.optional(),
        mapping: z.record(z.string(), z.string()).optional(),
        dryRun: z.boolean(),
        validOnly: z.boolean(),
        defaultPointCode: z.string().max(100).optional(),
        /** Standard whose 鉴定点 codes apply and whose 未分类 pool takes rows without a code. */
        standardId: z.string().max(200).optional(),
        /** Progress goes out as `bank:progress` pushes under this id; cancel by it. */
        operationId: OperationIdSchema.optional(),
      })
      .strict(),
    output: BankImportReportSchema,
  },
  /** The questions of an item file as the candidate will see them, with key and 解析; writes nothing. */
  'bank:preview-import': {
    input: z
      .object({
        ...ImportFileInput,
        format: BankImportFormatSchema.optional(),
        mapping: z.record(z.string(), z.string()).optional(),
      })
      .strict(),
    output: ImportPreviewSchema,
  },
  'bank:export-items': {
    input: z
      .object({
        format: z.enum(['xlsx', 'csv', 'qti', 'bankpkg', 'docx']),
        query: z.string().max(200),
        filter: BankSearchFilterSchema,
      })
      .strict(),
    output: z.object({ fileName: z.string(), data: z.string(), count: z.number().int() }),
  },
  /** A starting 组卷方案 for a standard and level (the usual paper, its weight table). */
  'bank:draft-blueprint': {
    input: z
      .object({ standardId: z.string().min(1).max(200), level: TheoryLevelCodeSchema })
      .strict(),
    output: z.object({
      blueprint: BlueprintSchema,
      /** The level's 理论知识权重表: the ranges a blueprint may bound (rangeAllocation.overrides). */
      weights: z.array(z.object({ path: z.string(), name: z.string(), weight: z.number() })),
      /** The bank's supply meets the blueprint (the assembly's counting diagnosis). */
      feasible: z.boolean(),
      /** What was relaxed from the level's usual format to make it feasible, in order. */
      relaxed: z.array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('maxItemsPerPoint'), value: z.number() }),
          z.object({ kind: z.literal('difficultyTolerance'), value: z.number() }),
          z.object({ kind: z.literal('wholePaperAllocation') }),
          z.object({ kind: z.literal('noImportance') }),
          z.object({ kind: z.literal('noDifficulty') }),
        ]),
      ),
    }),
  },
  /** Live feasibility of a blueprint against the bank (no solve). */
  'bank:check-blueprint': {
    input: z.object({ blueprint: z.unknown(), forms: z.number().int().min(1).max(26) }).strict(),
    output: z.object({
      valid: z.boolean(),
      issues: z.array(z.string()),
      problems: z.array(AssemblyProblemSchema),
      eligible: z.number().int(),
      itemCount: z.number().int(),
    }),
  },
  'bank:assemble': {
    input: z
      .object({
        blueprint: z.unknown(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31),
        forms: z.number().int().min(1).max(26),
        /** Progress goes out as `bank:progress` pushes under this id; cancel by it. */
        operationId: OperationIdSchema.optional(),
      })
      .strict(),
    output: z.object({
      ok: z.boolean(),
      stage: z.string().optional(),
      problems: z.array(AssemblyProblemSchema),
      totalMs: z.number(),
      forms: z.array(
        z.object({
          label: z.string(),
          paperId: z.string(),
          meanP: z.number(),
          items: z.number().int(),
          checks: z.array(ConstraintCheckSchema),
          solver: z.object({
            solver: z.string(),
            status: z.string(),
            timeMs: z.number(),
            variables: z.number(),
            constraints: z.number(),
          }),
        }),
      ),
    }),
  },
  /** The assembled paper as candidates get it (no keys). */
  'bank:paper-preview': {
    input: z.object({ paperId: PaperIdSchema }).strict(),
    output: CandidatePaperSchema,
  },
  'bank:paper-pdf': {
    input: z.object({ paperId: PaperIdSchema, kind: z.enum(['paper', 'key']) }).strict(),
    output: FileReply,
  },
  /** The bank's signing public key (exam sites trust it to verify packages). */
  'bank:signing-key': {
    input: NoInput,
    output: z.object({ publicKeyPem: z.string(), keyId: z.string() }),
  },
  /** A signed, encrypted .exampkg of an assembled paper for one site's public key. */
  'bank:export-package': {
    input: z
      .object({ paperId: PaperIdSchema, sitePublicKeyPem: z.string().min(1).max(10_000) })
      .strict(),
    output: FileReply,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
