import type { CenterApi } from '../../api/center-api';
import type { AuditVerification } from '../../api/center-types';
import { anchorText, type AuditAnchor } from '@skillexam/shared';

/*
 * Runs `GET /api/audit/verify` for a list of anchors. The anchors travel in the query string,
 * and a request line over the server's header limit (16 KiB in Node) would be refused, so a
 * long list goes in slices of ANCHORS_PER_CALL, in sequence order, stopping at the first
 * broken reply (docs/decisions/1071-center-audit-check-card.md).
 */

/** ≈ 90 bytes an anchor in the query: 100 keep the request line under 10 KiB. */
export const ANCHORS_PER_CALL = 100;

/** The anchors in sequence order, cut into the slices one call each checks. */
export function anchorSlices(
  anchors: readonly AuditAnchor[],
  size = ANCHORS_PER_CALL,
): AuditAnchor[][] {
  const sorted = [...anchors].sort((a, b) => a.seq - b.seq);
  const slices: AuditAnchor[][] = [];
  for (let i = 0; i < sorted.length; i += size) slices.push(sorted.slice(i, i + size));
  return slices.length === 0 ? [[]] : slices;
}

export function verifyPath(anchors: readonly AuditAnchor[]): string {
  const query = new URLSearchParams(anchors.map((a) => ['anchor', anchorText(a)]));
  return anchors.length === 0 ? '/api/audit/verify' : `/api/audit/verify?${query.toString()}`;
}

/** The chain checked against every anchor: the first broken reply, or all anchors counted. */
export async function verifyAnchors(
  api: CenterApi,
  anchors: readonly AuditAnchor[],
): Promise<AuditVerification> {
  let checked = 0;
  let last: AuditVerification | undefined;
  for (const slice of anchorSlices(anchors)) {
    const reply = await api.get<AuditVerification>(verifyPath(slice));
    if (!reply.ok) return reply;
    checked += reply.anchors;
    last = reply;
  }
  if (last === undefined || !last.ok) throw new Error('verifyAnchors: no reply');
  return { ...last, anchors: checked };
}
