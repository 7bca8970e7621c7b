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

export interface ResolveOptions {
  /** Only look up 鉴定点 codes in this standard (needed when the bank holds several). */
  readonly standardId?: string;
  readonly defaultLevel?: TheoryLevelCode;
  readonly defaultDifficulty?: AuthoredDifficulty;
  /**
   * 鉴定点 code for items whose file has none (Moodle XML, GIFT and most QTI packages cannot
   * carry one); without it such items are rejected.
   */
  readonly defaultPointCode?: string;
}

export type ResolvedItem =
  | { readonly ok: true; readonly content: ItemContent; readonly point: PointRecord }
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

/** Binds a parsed item to the bank: 鉴定点 code → id, defaults for level and difficulty. */
export function resolveParsedItem(
  standards: StandardStore,
  parsed: ParsedItem,
  file: string,
  options: ResolveOptions,
  standardLevels: (standardId: string) => readonly TheoryLevelCode[],
): ResolvedItem {
  const own = parsed.pointCode?.trim() ?? '';
  const code = own === '' ? (options.defaultPointCode?.trim() ?? '') : own;
  if (code === '') {
    return {
      ok: false,
      issue: issueAt(
        parsed,
        file,
        '鉴定点代码',
        '缺少鉴定点代码，试题必须对应一个鉴定点（文件中没有鉴定点时可用 --point 指定）',
      ),
    };
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
  const point = points[0] as PointRecord;
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
    return { ok: true, content, point };
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
