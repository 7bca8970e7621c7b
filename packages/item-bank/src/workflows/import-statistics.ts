import {
  CodedError,
  InvalidInputError,
  silentProgress,
  type Progress,
  type AuthorRole,
  type ItemVersionRef,
  type OptionId,
} from '@skillexam/shared';
import type { ItemStore } from '../items/item-store';
import {
  analyzeResponseFile,
  type AnalyzedFile,
  type ScoringOptions,
} from '../statistics/analyze-response-file';
import { describeKeyDisagreements, keyDisagreements, keyLettersOf } from '../statistics/bank-keys';
import { resolveColumnVersions } from '../statistics/column-versions';
import { toItemStatisticsUpdates } from '../statistics/item-statistics-updates';
import { responseContentSha256 } from '../statistics/response-file-identity';
import { ADMINISTRATION_DATE, type ResponsesIdentity } from '../statistics/responses-csv';
import type {
  ScoringUsed,
  StatisticsImport,
  StatisticsStore,
  VersionStatistics,
} from '../statistics/statistics-store';
import { requireRole, type Actor } from './actor';

/*
 * `qbank stats import`: one administration's response file → statistics of the item versions
 * the candidates saw, recorded once (docs/decisions/0900–0903). The file's identity (SHA-256 of what was read,
 * exam, session) is kept; the same file or the same exam and session again is refused naming
 * the earlier import, unless `replace` swaps that import's figures for the new ones. Keys come
 * from the pinned versions in the bank where the file has none; a file key that contradicts the
 * bank is refused. The bank is read and written in one transaction, nothing is written unless
 * everything checks, and every version that receives figures is sealed, so a later edit makes
 * a new version instead of rewriting the one measured.
 */

export const IMPORT_STATISTICS_ROLES: readonly AuthorRole[] = ['admin'];

export interface StatisticsDeps {
  readonly items: ItemStore;
  readonly statistics: StatisticsStore;
  readonly clock: () => string;
}

export interface ImportStatisticsRequest extends ResponsesIdentity {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly scoring?: ScoringOptions;
  /** Replace the figures of an earlier import of the same file or exam and session. */
  readonly replace?: boolean;
  /** `reading` (response rows), then `analysing` (items); cancelling writes nothing. */
  readonly progress?: Progress;
}

export interface ImportStatisticsResult {
  readonly importId: number;
  readonly fileSha256: string;
  readonly identity: ResponsesIdentity;
  readonly candidates: number;
  readonly scoring: ScoringUsed;
  readonly updates: readonly VersionStatistics[];
  /** The earlier imports whose figures this one replaced. */
  readonly replaced: readonly StatisticsImport[];
}

/** 「responses-S1.csv（试卷 P，场次 S，2026-12-06 由 admin 导入，SHA-256 ab12…）」 */
export function describeImport(found: StatisticsImport): string {
  const parts = [
    found.examId === undefined ? undefined : `试卷 ${found.examId}`,
    found.sessionId === undefined ? undefined : `场次 ${found.sessionId}`,
    `${found.importedAt.slice(0, 10)} 由 ${found.importedBy} 导入`,
    found.fileSha256 === undefined ? undefined : `SHA-256 ${found.fileSha256.slice(0, 12)}…`,
  ].filter((part) => part !== undefined);
  return `${found.fileName}（${parts.join('，')}）`;
}

function mergeIdentity(file: ResponsesIdentity, request: ResponsesIdentity): ResponsesIdentity {
  const date = request.administeredOn;
  if (date !== undefined && !ADMINISTRATION_DATE.test(date)) {
    throw new InvalidInputError(
      `考试日期应写作 YYYY-MM-DD（如 2026-12-06），--date 给出的是“${date}” (date must be YYYY-MM-DD)`,
    );
  }
  const merged: Record<string, string> = {};
  for (const field of ['examId', 'sessionId', 'administeredOn'] as const) {
    const a = file[field];
    const b = request[field];
    if (a !== undefined && b !== undefined && a !== b) {
      throw new InvalidInputError(
        `文件写明的${field === 'examId' ? '试卷' : field === 'sessionId' ? '场次' : '日期'}是 ${a}，命令给出的是 ${b}`,
      );
    }
    const value = a ?? b;
    if (value !== undefined) merged[field] = value;
  }
  return merged;
}

interface Analyzed {
  readonly file: AnalyzedFile;
  readonly identity: ResponsesIdentity;
  readonly versions: ReadonlyMap<string, ItemVersionRef>;
  readonly bankKeys: ReadonlyMap<string, { version: number; key: OptionId[] }>;
}

/** Reads the file against the bank: the versions its columns measured and their keys. */
function analyzeAgainstBank(deps: StatisticsDeps, request: ImportStatisticsRequest): Analyzed {
  let identity: ResponsesIdentity = {};
  let versions = new Map<string, ItemVersionRef>();
  const bankKeys = new Map<string, { version: number; key: OptionId[] }>();
  const progress = { progress: request.progress ?? silentProgress };
  const file = analyzeResponseFile(
    request.bytes,
    request.fileName,
    request.scoring ?? {},
    {
      resolveKeys: (columns, fileIdentity) => {
        identity = mergeIdentity(fileIdentity, request);
        const examPins =
          identity.examId === undefined
            ? undefined
            : deps.statistics.pinnedVersions(identity.examId);
        if (identity.examId !== undefined && examPins === undefined)
          throw new CodedError('NOT_FOUND', `题库中没有试卷 ${identity.examId}（#考试 / --exam）`);
        versions = resolveColumnVersions(
          columns,
          {
            ...(examPins === undefined ? {} : { examPins, examId: identity.examId }),
            currentVersion: (id) => deps.items.getMeta(id)?.version,
            pinnedVersions: (id) => deps.statistics.pinnedVersionsOf(id),
            hasVersion: (id, version) => deps.items.getVersion(id, version) !== undefined,
          },
          request.fileName,
        );
        const keys: Record<string, string> = {};
        for (const [column, ref] of versions) {
          const content = deps.items.getVersion(ref.itemId, ref.version)?.content;
          const key = content === undefined ? undefined : keyLettersOf(content);
          if (key === undefined) continue;
          bankKeys.set(column, { version: ref.version, key });
          keys[column] = key.join('');
        }
        return keys;
      },
    },
    progress,
  );
  return { file, identity, versions, bankKeys };
}

export function importStatistics(
  deps: StatisticsDeps,
  actor: Actor,
  request: ImportStatisticsRequest,
): ImportStatisticsResult {
  const by = requireRole(actor, IMPORT_STATISTICS_ROLES);
  return deps.statistics.transaction(() => {
    const { file, identity, versions, bankKeys } = analyzeAgainstBank(deps, request);
    const disagreements = keyDisagreements(file.fileKeys, bankKeys);
    if (disagreements.length > 0) {
      throw new InvalidInputError(
        `文件中的答案与题库中考生所答版本的答案不一致，未写入任何统计 (file keys disagree with the bank)：\n${describeKeyDisagreements(disagreements)}`,
        { disagreements },
      );
    }
    const updates: VersionStatistics[] = toItemStatisticsUpdates(file.result, versions).map(
      (update) => ({
        itemId: update.itemId,
        version: update.version,
        n: update.sampleSize,
        p: update.facility,
        ...(update.discrimination === undefined ? {} : { discrimination: update.discrimination }),
        candidatesSeen: update.exposureIncrement,
        flags: update.flags,
      }),
    );
    const fileSha256 = responseContentSha256(file.matrix, versions);
    const candidates = file.result.test.n;
    const earlier = deps.statistics.findImports({ fileSha256, ...identity });
    const [first] = earlier;
    if (first !== undefined && request.replace !== true) {
      throw new CodedError(
        'CONFLICT',
        `这份作答数据已经导入过：${describeImport(first)}。未重复计入；如要用本次结果替换那次的统计，请加 --replace (already imported; use --replace)`,
      );
    }
    const progress = request.progress ?? silentProgress;
    const writing = progress.phase('writing', { label: request.fileName, total: updates.length });
    for (const old of earlier) deps.statistics.deleteImport(old.id);
    const importId = deps.statistics.insertImport(
      { fileSha256, fileName: request.fileName, ...identity, candidates, scoring: file.scoring },
      updates,
      by,
      deps.clock(),
    );
    for (const update of updates) {
      deps.items.sealVersion(update.itemId, update.version);
      writing.advance();
    }
    // Still inside the transaction: a cancel here writes nothing.
    writing.end();
    progress.check();
    return {
      importId,
      fileSha256,
      identity,
      candidates,
      scoring: file.scoring,
      updates,
      replaced: earlier,
    };
  });
}
