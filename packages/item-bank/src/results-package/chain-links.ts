import { z } from 'zod';
import { GENESIS_HASH, recordHash } from './audit-record-hash';

/*
 * Version 3 (docs/decisions/1012): the package carries the headers of the site's audit records
 * `fromSeq … head.seq` — every field of each record except its payload, which the record hash
 * covers only through `payloadHash`. Recomputing the hashes from `prevHash` proves that the
 * signed head is the end of that run of records, so the centre can check that a new head
 * extends a head it accepted before, and that each candidate's `score.save` record lies on the
 * chain below the head. Payloads stay on the site (answers, names): headers reveal only actions
 * and times.
 */

const HASH = z.string().regex(/^[0-9a-f]{64}$/);

/** One record header: `[at, actor, action, payloadHash]`; its seq is its place in the run. */
export const ChainLinkSchema = z.tuple([z.number(), z.string().min(1), z.string().min(1), HASH]);

export const ChainLinksSchema = z.strictObject({
  /** The seq of the first header. */
  fromSeq: z.int().min(1),
  /** The hash of record `fromSeq - 1` (the all-zero genesis hash when `fromSeq` is 1). */
  prevHash: HASH,
  records: z.array(ChainLinkSchema),
});
export type ChainLinks = z.infer<typeof ChainLinksSchema>;

export interface ChainRecordHeader {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly payloadHash: string;
  readonly prevHash: string;
}

/** The links of records `fromSeq …` from their headers (the writer's side). */
export function chainLinksOf(headers: readonly ChainRecordHeader[]): ChainLinks {
  const first = headers[0];
  if (first === undefined) throw new TypeError('chain links need at least one record');
  return {
    fromSeq: first.seq,
    prevHash: first.prevHash,
    records: headers.map((h) => [h.at, h.actor, h.action, h.payloadHash]),
  };
}

/** Seq → hash of every linked record, or a problem when the links are not one unbroken run. */
export type LinkedHashes =
  | { readonly ok: true; readonly hashes: ReadonlyMap<number, string> }
  | { readonly ok: false; readonly problem: string };

/** Recomputes the run from `prevHash`; it must end exactly at the head. */
export function linkedHashes(
  links: ChainLinks,
  head: { readonly seq: number; readonly hash: string },
): LinkedHashes {
  if (links.fromSeq === 1 && links.prevHash !== GENESIS_HASH)
    return { ok: false, problem: '链的第一条记录必须从创世哈希开始 (seq 1 must follow genesis)' };
  const hashes = new Map<number, string>();
  hashes.set(links.fromSeq - 1, links.prevHash);
  let prevHash = links.prevHash;
  let seq = links.fromSeq;
  for (const [at, actor, action, payloadHash] of links.records) {
    prevHash = recordHash({ seq, at, actor, action, payloadHash, prevHash });
    hashes.set(seq, prevHash);
    seq += 1;
  }
  const lastSeq = seq - 1;
  if (lastSeq !== head.seq || prevHash !== head.hash)
    return {
      ok: false,
      problem: `审计链记录 #${links.fromSeq}…#${lastSeq} 不止于签名链头 #${head.seq} (chain links do not end at the signed head)`,
    };
  return { ok: true, hashes };
}
