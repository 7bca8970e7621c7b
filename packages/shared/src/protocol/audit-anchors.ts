/*
 * Anchors of the evaluation centre's audit chain held outside its database (docs/decisions/
 * 1070-center-audit-anchored-by-witnesses.md): a record's `<seq>:<64 hex hash>` as a site's
 * receipt or a supervisor's copied head gives it. A list of them — an anchors file, or what a
 * supervisor pastes into the centre's 审计链核验 — has one per line (a leading `#` allowed, any
 * case); text after it or from `//` on is a note, blank lines are skipped. One reader for the
 * centre's CLI, its `?anchor=` parameters and its web app. Pure.
 */

export interface AuditAnchor {
  readonly seq: number;
  readonly hash: string;
}

/** The most anchors one check takes: more is not a witness list but a flood. */
export const MAX_ANCHORS = 1000;

export type AnchorLines =
  | { readonly ok: true; readonly anchors: readonly AuditAnchor[] }
  /** `line` is 1-based; `text` the word that is not an anchor (cut to 80 characters). */
  | { readonly ok: false; readonly problem: 'line'; readonly line: number; readonly text: string }
  | { readonly ok: false; readonly problem: 'tooMany'; readonly count: number };

const ANCHOR = /^#?(\d{1,15}):([0-9a-f]{64})$/;

/** One anchor as written, or undefined when it is not `<seq ≥ 1>:<64 hex>`. */
export function parseAnchorText(text: string): AuditAnchor | undefined {
  const match = ANCHOR.exec(text.trim().toLowerCase());
  if (match === null) return undefined;
  const seq = Number(match[1]);
  return seq < 1 ? undefined : { seq, hash: match[2] ?? '' };
}

/** Every anchor of a pasted list, or the first line that is not one. */
export function parseAnchorLines(text: string): AnchorLines {
  const anchors: AuditAnchor[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    const word = line.split(/\s+/)[0] ?? '';
    const anchor = parseAnchorText(word);
    if (anchor === undefined)
      return { ok: false, problem: 'line', line: index + 1, text: word.slice(0, 80) };
    anchors.push(anchor);
  }
  if (anchors.length > MAX_ANCHORS) return { ok: false, problem: 'tooMany', count: anchors.length };
  return { ok: true, anchors };
}

/** `<seq>:<hash>`, the form the server takes in `?anchor=`. */
export function anchorText(anchor: AuditAnchor): string {
  return `${String(anchor.seq)}:${anchor.hash}`;
}

/** `GET /api/audit/head`: the last record of the centre's audit chain (seq 0: empty chain). */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
  /** `<seq>:<hash>`, to write down as an anchor. */
  readonly anchor: string;
}

/** `GET /api/audit/verify?anchor=…`: the chain walked and checked against the anchors. */
export type AuditVerification =
  | {
      readonly ok: true;
      readonly records: number;
      readonly headHash: string;
      /** How many external anchors the chain was checked against. */
      readonly anchors: number;
    }
  | {
      readonly ok: false;
      readonly records: number;
      readonly seq: number;
      readonly problem: string;
      /** The certificate number(s) or batch id whose row does not match, for content checks. */
      readonly subject?: string;
    };
