import { anchorText, parseAnchorText } from '@skillexam/shared';
import type { ReadableDb } from '@skillexam/shared/sql';
import { recordsOfAction } from '../audit/audit-repository';

/*
 * The receipts the evaluation centre gave this site, from the site's own chain (`results.pushed`
 * … `centreReceipt`; docs/decisions/1070-center-audit-anchored-by-witnesses.md): each is the
 * centre's audit record of taking one package in, `<seq>:<hash>`. Printed as an anchors file
 * for `center audit verify --anchors`: one per line, where it came from after `//`.
 */

export interface CentreReceipt {
  /** `<seq>:<hash>` as the centre wrote it. */
  readonly anchor: string;
  readonly centreUrl: string;
  readonly sessionId: string;
  readonly packageSha256: string;
  /** When the site recorded it (ms). */
  readonly at: number;
}

/** Every distinct receipt, oldest first (a package pushed again repeats its first receipt). */
export function centreReceipts(db: ReadableDb): CentreReceipt[] {
  const seen = new Set<string>();
  const receipts: CentreReceipt[] = [];
  for (const record of recordsOfAction(db, 'results.pushed')) {
    const payload = JSON.parse(record.payload_json) as Record<string, unknown>;
    const receipt = payload['centreReceipt'];
    const parsed = typeof receipt === 'string' ? parseAnchorText(receipt) : undefined;
    if (parsed === undefined) continue;
    const anchor = anchorText(parsed);
    if (seen.has(anchor)) continue;
    seen.add(anchor);
    receipts.push({
      anchor,
      centreUrl: String(payload['centreUrl'] ?? ''),
      sessionId: String(payload['sessionId'] ?? ''),
      packageSha256: String(payload['packageSha256'] ?? ''),
      at: record.at,
    });
  }
  return receipts;
}

/** The receipts as an anchors file's lines. */
export function receiptLines(receipts: readonly CentreReceipt[]): string[] {
  if (receipts.length === 0) return ['// 尚无评价中心回执 (no receipts from the centre yet)'];
  return receipts.map(
    (r) =>
      `${r.anchor}  // ${r.centreUrl} 场次 ${r.sessionId} ${new Date(r.at).toISOString()} 成绩包 ${r.packageSha256.slice(0, 16)}`,
  );
}
