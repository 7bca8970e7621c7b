import {
  InvalidInputError,
  MAX_ANCHORS,
  parseAnchorLines,
  parseAnchorText,
  type AuditAnchor,
} from '@skillexam/shared';

/*
 * The centre's side of external anchors (docs/decisions/1070-center-audit-anchored-by-
 * witnesses.md): the shared reader's refusals as bad input naming where the anchor came from
 * (`--anchor`, `?anchor=`, a file and line), and what an anchor says about the chain. Pure.
 */

export type { AuditAnchor } from '@skillexam/shared';

const EXPECTED = '锚点应写作「序号:64 位十六进制哈希」';

function notAnAnchor(where: string, text: string): InvalidInputError {
  return new InvalidInputError(
    `${where}: ${EXPECTED}，实为「${text.trim().slice(0, 80)}」 (an anchor is <seq>:<64 hex hash>)`,
  );
}

/** `<seq>:<hash>` (a leading `#` allowed); `where` names the source in the error. */
export function parseAnchor(text: string, where = 'anchor'): AuditAnchor {
  const anchor = parseAnchorText(text);
  if (anchor === undefined) throw notAnAnchor(where, text);
  return anchor;
}

/** An anchors file's text; errors name the file and line. */
export function parseAnchorList(text: string, file: string): AuditAnchor[] {
  const read = parseAnchorLines(text);
  if (read.ok) return [...read.anchors];
  if (read.problem === 'line') throw notAnAnchor(`${file} 第 ${String(read.line)} 行`, read.text);
  throw tooMany(read.count);
}

function tooMany(count: number): InvalidInputError {
  return new InvalidInputError(
    `锚点过多：${String(count)} 个，一次最多 ${String(MAX_ANCHORS)} 个 (too many anchors)`,
  );
}

/** The anchors of one check, refused when there are more than MAX_ANCHORS. */
export function checkedCount(anchors: AuditAnchor[]): AuditAnchor[] {
  if (anchors.length > MAX_ANCHORS) throw tooMany(anchors.length);
  return anchors;
}

/**
 * What an anchor says about an internally consistent chain whose record `anchor.seq` has
 * `recorded` as its hash (undefined: no such record). Undefined when they agree.
 */
export function anchorProblem(
  anchor: AuditAnchor,
  recorded: string | undefined,
): string | undefined {
  if (recorded === undefined)
    return `外部锚点 #${String(anchor.seq)} 不在链中：其后的记录被删除或链被重写 (the chain is shorter than an external anchor: records removed)`;
  if (recorded !== anchor.hash)
    return `审计链与外部锚点 #${String(anchor.seq)} 不符：该记录或其之前的记录被改写 (the chain differs from an external anchor: records rewritten)`;
  return undefined;
}
