import { CodedError } from '@skillexam/shared';
import type { PointRecord, StandardStore } from '../standards/standard-store';

/** The standard asked for, or the bank's only one; a clear error when it is ambiguous. */
export function chooseStandard(standards: StandardStore, standardId?: string): string {
  const all = standards.listStandards();
  if (standardId !== undefined) {
    if (!all.some((standard) => standard.id === standardId)) {
      throw new CodedError('NOT_FOUND', `题库中没有标准 ${standardId}`);
    }
    return standardId;
  }
  const [only] = all;
  if (only === undefined) throw new CodedError('BAD_REQUEST', '题库中还没有标准；请先导入标准');
  if (all.length > 1) {
    throw new CodedError(
      'BAD_REQUEST',
      `题库有 ${all.length} 个标准（${all.map((s) => s.id).join('、')}），请用 --standard 指定`,
    );
  }
  return only.id;
}

/** A 鉴定点 of the standard by its full code (`B-A-001`) or by its id. */
export function pointByCode(
  standards: StandardStore,
  standardId: string,
  code: string,
): PointRecord {
  const wanted = code.trim();
  const point =
    standards.findPointsByPath(wanted).find((p) => p.standardId === standardId) ??
    standards.getPoint(wanted);
  if (point === undefined || point.unclassified === true || point.standardId !== standardId) {
    throw new CodedError('BAD_REQUEST', `鉴定点 ${wanted} 不在标准 ${standardId} 中`);
  }
  return point;
}
