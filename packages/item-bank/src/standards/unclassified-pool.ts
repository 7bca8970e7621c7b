import { nodeId } from './standard-document';

/*
 * The 未分类 pool of a standard (docs/decisions/0640). Items imported without a 鉴定点 code wait
 * here until someone classifies them. The pool is stored as one range and one point flagged
 * `pool` so that `ItemContent.assessmentPointId` stays required, but it is NOT part of the
 * standard: it never appears in the standard document, its exports, blueprints, health trees or
 * exam packages, items in it cannot be approved and are never assembled.
 */

/** Path, code and name of the pool range and point; real codes are capital letters and digits. */
export const UNCLASSIFIED_CODE = '未分类';

/** Id suffix of the pool range and point (ids are ASCII: letters, digits, `_ . : -`). */
export const UNCLASSIFIED_ID_SUFFIX = '_unclassified';

/** The pool point's (and pool range's) id in a standard, e.g. `6-31-01-03:2018:_unclassified`. */
export function unclassifiedPointId(standardIdValue: string): string {
  return nodeId(standardIdValue, UNCLASSIFIED_ID_SUFFIX);
}

/** True for the 鉴定点代码 an export writes for a pooled item (so it re-imports into the pool). */
export function isUnclassifiedCode(code: string): boolean {
  return code.trim() === UNCLASSIFIED_CODE;
}
