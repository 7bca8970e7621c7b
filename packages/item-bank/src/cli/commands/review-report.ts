import type { BulkReviewResult } from '../../review/bulk-review';
import { REVIEW_ACTION_NAMES, type ReviewAction } from '../../review/review-workflow';
import { emit, InvalidInputError, type CliIo } from '../cli-context';

/**
 * The outcome of a bulk `qbank review`: how many items the action was applied to (stdout), then
 * every refused item with its reason (stderr, exit 2). With --json, one document: `ok: true`
 * with the items, or `ok: false` with the items done and the refusals in `details`.
 */
export function reportBulkReview(
  io: CliIo,
  action: ReviewAction,
  result: BulkReviewResult,
  elapsedMs: number,
  json: boolean | undefined,
): void {
  const name = REVIEW_ACTION_NAMES[action];
  const seconds = (elapsedMs / 1000).toFixed(2);
  const data = {
    action,
    done: result.done,
    refused: result.refused,
    elapsedMs: Math.round(elapsedMs),
  };
  if (result.refused.length === 0) {
    emit(io, json, data, () =>
      result.done.length === 0
        ? `没有需要${name}的试题`
        : `${name} ${result.done.length} 道试题（用时 ${seconds} 秒）`,
    );
    return;
  }
  if (json !== true && result.done.length > 0) {
    io.out(`${name} ${result.done.length} 道试题（用时 ${seconds} 秒）`);
  }
  const lines = result.refused.map((refusal) => `  ${refusal.id}：${refusal.reason}`);
  throw new InvalidInputError(
    [
      `${result.refused.length} 道试题未能${name}` +
        (result.done.length === 0 ? '：' : `（其余 ${result.done.length} 道已${name}）：`),
      ...lines,
    ].join('\n'),
    data,
  );
}
