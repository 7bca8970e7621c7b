import { InvalidInputError } from '@skillexam/shared';

/*
 * Anchors of the centre's audit chain held outside its database (docs/decisions/
 * 1070-center-audit-anchored-by-witnesses.md): a record's sequence number and hash as someone
 * else wrote them down — the receipt a site keeps for every results package the centre accepts
 * (`results.pushed` in the site's own chain), or a head a supervisor copied from `center audit
 * head`. Written `<seq>:<hash>`. Pure: parsing and comparing only, no IO.
 */

export interface AuditAnchor {
  readonly seq: number;
  readonly hash: string;
}

/** More anchors than this in one check is not a witness list but a flood. */
export const MAX_ANCHORS = 1000;

const ANCHOR = /^#?(\d{1,15}):([0-9a-f]{64})$/;

/** `<seq>:<hash>` (a leading `#` allowed); `where` names the source in the error. */
export function parseAnchor(text: string, where = 'anchor'): AuditAnchor {
  const match = ANCHOR.exec(text.trim().toLowerCase());
  const seq = match === null ? 0 : Number(match[1]);
  if (match === null || seq < 1)
    throw new InvalidInputError(
      `${where}: 锚点应写作「序号:64 位十六进制哈希」，实为「${text.trim().slice(0, 80)}」 (an anchor is <seq>:<64 hex hash>)`,
    );
  return { seq, hash: match[2] ?? '' };
}

/**
 * An anchors file: one anchor per line, optionally followed by a note; blank lines and text
 * from `//` on are ignored, so a supervisor may write where each came from. Errors name the
 * file and line.
 */
export function parseAnchorList(text: string, file: string): AuditAnchor[] {
  const anchors: AuditAnchor[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') return;
    anchors.push(parseAnchor(line.split(/\s+/)[0] ?? '', `${file} 第 ${String(index + 1)} 行`));
  });
  return checkedCount(anchors);
}

export function checkedCount(anchors: AuditAnchor[]): AuditAnchor[] {
  if (anchors.length > MAX_ANCHORS)
    throw new InvalidInputError(
      `锚点过多：${String(anchors.length)} 个，一次最多 ${String(MAX_ANCHORS)} 个 (too many anchors)`,
    );
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
