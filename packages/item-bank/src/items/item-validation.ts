import {
  CodedError,
  describeZodError,
  ItemContentSchema,
  type ItemContent,
} from '@skillexam/shared';
import type { PointRecord } from '../standards/standard-store';

/** Parses content with the shared per-type rules; a clear BAD_REQUEST when it is wrong. */
export function parseItemContent(raw: unknown): ItemContent {
  const parsed = ItemContentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CodedError('BAD_REQUEST', `试题内容不合格：${describeZodError(parsed.error)}`);
  }
  return parsed.data;
}

/** The level must be one the 鉴定点 covers (when the point lists its levels). */
export function checkPointFits(content: ItemContent, point: PointRecord | undefined): PointRecord {
  if (point === undefined) {
    throw new CodedError(
      'BAD_REQUEST',
      `鉴定点 ${content.assessmentPointId} 不在题库中；请先导入标准或更正鉴定点`,
    );
  }
  if (point.levels !== undefined && !point.levels.includes(content.level)) {
    throw new CodedError(
      'BAD_REQUEST',
      `试题等级 ${content.level} 不属于鉴定点 ${point.path} 的适用等级（${point.levels.join(',')}）`,
    );
  }
  return point;
}
