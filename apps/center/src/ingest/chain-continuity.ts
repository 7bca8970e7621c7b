import type { ResultsPayload } from '@skillexam/item-bank/results-package';
import { linkedHashes } from '@skillexam/item-bank/results-package';

/*
 * Chain continuity (docs/decisions/1012-results-chain-continuity.md): a site's packages must
 * follow one audit chain. The centre keeps the signed head (seq, hash) of the site's newest
 * package; a new package's head must be that head, or lie beyond it with the record headers
 * (version 3 `audit.links`) reaching back to it with the same hash. Pure.
 */

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export type ContinuityVerdict =
  | { readonly kind: 'first' }
  | { readonly kind: 'same-head' }
  | { readonly kind: 'extends' }
  | { readonly kind: 'stale' }
  | { readonly kind: 'fork'; readonly theirs: string }
  | { readonly kind: 'gap'; readonly fromSeq: number }
  | { readonly kind: 'unproven' };

/** How the package's head relates to the head the centre accepted last (`known`). */
export function continuity(
  payload: ResultsPayload,
  known: ChainHead | undefined,
): ContinuityVerdict {
  const audit = payload.audit;
  if (audit === undefined) return { kind: 'unproven' };
  const head = audit.head;
  if (known === undefined) return { kind: 'first' };
  if (head.seq < known.seq) return { kind: 'stale' };
  if (head.seq === known.seq)
    return head.hash === known.hash ? { kind: 'same-head' } : { kind: 'fork', theirs: head.hash };
  if (audit.links === undefined) return { kind: 'unproven' };
  const linked = linkedHashes(audit.links, head);
  if (!linked.ok) return { kind: 'unproven' };
  const theirs = linked.hashes.get(known.seq);
  if (theirs === undefined) return { kind: 'gap', fromSeq: audit.links.fromSeq };
  return theirs === known.hash ? { kind: 'extends' } : { kind: 'fork', theirs };
}
