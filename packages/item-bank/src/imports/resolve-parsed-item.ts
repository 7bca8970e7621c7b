import {
  CodedError,
  EntityIdSchema,
  type AuthoredDifficulty,
  type ItemContent,
  type TheoryLevelCode,
} from '@skillexam/shared';
import type { FileIssue, ParsedItem } from '../import-export/item-file-types';
import { checkPointFits, parseItemContent } from '../items/item-validation';
import type { PointRecord, StandardStore } from '../standards/standard-store';
import { isUnclassifiedCode } from '../standards/unclassified-pool';

export interface ResolveOptions {
  /** Only look up 鉴定点 codes in this standard (needed when the bank holds several). */
  readonly standardId?: string;
  readonly defaultLevel?: TheoryLevelCode;
  readonly defaultDifficulty?: AuthoredDifficulty;
  /**
   * 鉴定点 code forced on items whose file has none (Moodle XML, GIFT and most QTI packages
   * cannot carry one); without it such items go to the 未分类 pool of the standard.
   */
  readonly defaultPointCode?: string;
}

export type ResolvedItem =
  | {
      readonly ok: true;
      readonly content: ItemContent;
      readonly point: PointRecord;
      /** The item had no 鉴定点 code and goes to the standard's 未分类 pool. */
      readonly unclassified: boolean;
    }
  | { readonly ok: false; readonly issue: FileIssue };

export function issueAt(
  parsed: ParsedItem,
  file: string,
  field: string,
  reason: string,
): FileIssue {
  return {
    file,
    ...(parsed.row === undefined ? {} : { row: parsed.row }),
    item: parsed.ref,
    field,
    reason,
    severity: 'error',
  };
}

/**
 * Binds a parsed item to the bank: 鉴定点 code → id (no code, and no `defaultPointCode`: the
 * standard's 未分类 pool, docs/decisions/0640), defaults for level and difficulty.
 */
export function resolveParsedItem(
  standards: StandardStore,
  parsed: ParsedItem,
  file: string,
  options: ResolveOptions,
  standardLevels: (standardId: string) => readonly TheoryLevelCode[],
): ResolvedItem {
  const own = parsed.pointCode?.trim() ?? '';
  const fileCode = isUnclassifiedCode(own) ? '' : own;
  const code = fileCode === '' ? (options.defaultPointCode?.trim() ?? '') : fileCode;
  if (code === '') {
    const pool = poolOf(standards, parsed, file, options);
    return pool.ok ? bind(parsed, file, options, standardLevels, pool.point, true) : pool;
  }
  const points = standards
    .findPointsByPath(code)
    .filter((point) => options.standardId === undefined || point.standardId === options.standardId);
  if (points.length === 0) {
    return {
      ok: false,
      issue: issueAt(parsed, file, '鉴定点代码', `鉴定点代码 ${code} 不在题库的标准中`),
    };
  }
  if (points.length > 1) {
    return {
      ok: false,
      issue: issueAt(
        parsed,
        file,
        '鉴定点代码',
        `鉴定点代码 ${code} 在多个标准中都有（${points.map((p) => p.standardId).join('、')}），请指定标准`,
      ),
    };
  }
  return bind(parsed, file, options, standardLevels, points[0] as PointRecord, false);
}

type PoolChoice =
  | { readonly ok: true; readonly point: PointRecord }
  | { readonly ok: false; readonly issue: FileIssue };

/** The 未分类 pool of the chosen standard, or of the bank's only standard. */
function poolOf(
  standards: StandardStore,
  parsed: ParsedItem,
  file: string,
  options: ResolveOptions,
): PoolChoice {
  const field = '鉴定点代码';
  if (parsed.status === 'approved' || parsed.status === 'in_review') {
    return {
      ok: false,
      issue: issueAt(
        parsed,
        file,
        field,
        `缺少鉴定点代码：未分类的试题不能以「${parsed.status === 'approved' ? '已通过' : '审核中'}」状态导入，请补上鉴定点代码`,
      ),
    };
  }
  let standardId = options.standardId;
  if (standardId === undefined) {
    const all = standards.listStandards();
    if (all.length === 0) {
      return {
        ok: false,
        issue: issueAt(parsed, file, field, '缺少鉴定点代码，且题库中还没有标准；请先导入标准'),
      };
    }
    if (all.length > 1) {
      return {
        ok: false,
        issue: issueAt(
          parsed,
          file,
          field,
          `缺少鉴定点代码，题库有 ${all.length} 个标准（${all.map((s) => s.id).join('、')}），` +
            '请指定未分类试题放入哪个标准（命令行 --standard），或指定鉴定点（--point）',
        ),
      };
    }
    standardId = all[0]?.id;
  }
  const pool = standardId === undefined ? undefined : standards.unclassifiedPoint(standardId);
  if (pool === undefined) {
    return {
      ok: false,
      issue: issueAt(parsed, file, field, `缺少鉴定点代码，且题库中没有标准 ${standardId ?? ''}`),
    };
  }
  return { ok: true, point: pool };
}

function bind(
  parsed: ParsedItem,
  file: string,
  options: ResolveOptions,
  standardLevels: (standardId: string) => readonly TheoryLevelCode[],
  point: PointRecord,
  unclassified: boolean,
): ResolvedItem {
  const level =
    parsed.content.level ??
    options.defaultLevel ??
    point.levels?.[0] ??
    standardLevels(point.standardId)[0] ??
    5;
  try {
    const content = parseItemContent({
      ...parsed.content,
      assessmentPointId: point.id,
      level,
      difficulty: parsed.content.difficulty ?? options.defaultDifficulty ?? 3,
    });
    checkPointFits(content, point);
    return { ok: true, content, point, unclassified };
  } catch (error) {
    if (error instanceof CodedError) {
      return { ok: false, issue: issueAt(parsed, file, '内容', error.message) };
    }
    throw error;
  }
}

/** A source id usable as the bank id (bank packages keep ids so they can merge). */
export function usableExternalId(parsed: ParsedItem): string | undefined {
  return parsed.externalId !== undefined && EntityIdSchema.safeParse(parsed.externalId).success
    ? parsed.externalId
    : undefined;
}
