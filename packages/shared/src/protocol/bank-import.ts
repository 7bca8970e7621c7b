import { z } from 'zod';

/*
 * What importing an item file reports, declared once at the boundary: the workbench gets it over
 * `bank:import-items`, and item-bank's `ImportReport`, `FileIssue` and `ImportedNearDuplicate`
 * are `z.infer` of these schemas (docs/decisions/0846).
 */

/** The item file formats the workbench imports (item-bank's `ItemFileFormat` must accept each). */
export const BANK_IMPORT_FORMATS = [
  'xlsx',
  'csv',
  'qti',
  'moodle',
  'gift',
  'bankpkg',
  'docx',
] as const;
export const BankImportFormatSchema = z.enum(BANK_IMPORT_FORMATS);
export type BankImportFormat = z.infer<typeof BankImportFormatSchema>;

/** One problem found in an item file (item-bank's `FileIssue` is this type). */
export const BankImportIssueSchema = z.object({
  file: z.string(),
  row: z.number().optional(),
  line: z.number().optional(),
  item: z.string().optional(),
  field: z.string().optional(),
  reason: z.string(),
  severity: z.enum(['error', 'warning']),
});
export type BankImportIssue = z.infer<typeof BankImportIssueSchema>;

/**
 * A kept item flagged as a near duplicate of another (both imported; docs/decisions/0632);
 * item-bank's `ImportedNearDuplicate` is this type.
 */
export const BankImportNearDuplicateSchema = z.object({
  /** Where the new item came from, e.g. "items.xlsx 第12行". */
  ref: z.string(),
  itemId: z.string(),
  otherItemId: z.string(),
  /** Where the other item came from when it is in the same file. */
  otherRef: z.string().optional(),
  /** Dice similarity of the two texts (0–1), whatever the reason for the flag. */
  similarity: z.number(),
  /** Why it was flagged: only numbers/signs/units/Greek letters differ, same stem, or similar text. */
  kind: z.enum(['variant', 'same-stem', 'similar']),
  /**
   * The cluster both items belong to (1 = the largest; docs/decisions/0921): each item is in at
   * most one cluster, the items linked by their flags.
   */
  cluster: z.number().int().positive(),
});
export type BankImportNearDuplicate = z.infer<typeof BankImportNearDuplicateSchema>;

/**
 * Everything an item import did or would do (dry run), with every rejected row listed. Declared
 * once, here at the boundary: item-bank's `ImportReport` (what `importItems` returns, what
 * `qbank import --json` prints) is `z.infer` of this schema.
 */
export const BankImportReportSchema = z.object({
  file: z.string(),
  format: BankImportFormatSchema.optional(),
  dryRun: z.boolean(),
  validOnly: z.boolean(),
  /** True when the bank was changed (never for a dry run or a refused import). */
  committed: z.boolean(),
  /**
   * True when the import is (dry run: would be) refused: a file-level error, a rejected item
   * without `validOnly`, or nothing valid to import with `validOnly`. A dry run and the real
   * import of the same file with the same options always agree on it and on every count.
   */
  refused: z.boolean(),
  /** Items found in the file, valid or not. */
  total: z.number().int(),
  /** New items (or, dry run: would be). */
  imported: z.number().int(),
  /** New versions of items already in the bank (bank packages merge by id and version). */
  updated: z.number().int(),
  /** Items already in the bank at that version (bank packages). */
  unchanged: z.number().int(),
  /** Exact copies (of an earlier row or a bank item: same type, stem, options and key), left out with a warning. */
  duplicates: z.number().int(),
  /** Items rejected (errors, key conflicts); with validOnly they are left out, otherwise the import is refused. */
  skipped: z.number().int(),
  /** Items that passed every check: what the import writes unless it is refused (new + updated). */
  valid: z.number().int(),
  issues: z.array(BankImportIssueSchema),
  importedIds: z.array(z.string()),
  /**
   * The flagged pairs of the largest clusters, bounded (docs/decisions/0921): at most a fixed
   * number of clusters and of pairs per cluster; each item keeps its closest few neighbours.
   */
  nearDuplicates: z.array(BankImportNearDuplicateSchema),
  /** Clusters of near duplicates found, listed or not. */
  nearDuplicateClusters: z.number().int(),
  /** Flagged pairs found, listed or not (each is a flag stored with the item). */
  nearDuplicatePairs: z.number().int(),
  /** Clusters not in `nearDuplicates` (「另有 N 组相似试题未列出」). */
  unlistedNearDuplicateClusters: z.number().int(),
  /** Pairs not in `nearDuplicates` (of unlisted clusters, or past the cap of a listed one). */
  unlistedNearDuplicatePairs: z.number().int(),
});
export type BankImportReport = z.infer<typeof BankImportReportSchema>;
