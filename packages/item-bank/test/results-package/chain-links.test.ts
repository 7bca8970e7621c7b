import { describe, expect, it } from 'vitest';
import {
  chainLinksOf,
  GENESIS_HASH,
  linkedHashes,
  recordHash,
  type ChainRecordHeader,
} from '../../src/results-package/index';

/* Version-3 chain links (docs/decisions/1012): the run must be unbroken and end at the head. */

function chain(length: number): { headers: ChainRecordHeader[]; hashes: string[] } {
  const headers: ChainRecordHeader[] = [];
  const hashes = [GENESIS_HASH];
  for (let seq = 1; seq <= length; seq += 1) {
    const header = {
      seq,
      at: 1000 + seq,
      actor: 'system',
      action: seq % 2 === 0 ? 'answer.save' : 'score.save',
      payloadHash: String(seq % 10).repeat(64),
      prevHash: hashes[seq - 1] ?? '',
    };
    headers.push(header);
    hashes.push(recordHash(header));
  }
  return { headers, hashes };
}

describe('chain links', () => {
  const { headers, hashes } = chain(12);
  const head = { seq: 12, hash: hashes[12] ?? '' };

  it('relinks a run from any record to the head and gives every hash on the way', () => {
    const links = chainLinksOf(headers.slice(4));
    expect(links.fromSeq).toBe(5);
    const linked = linkedHashes(links, head);
    expect(linked.ok).toBe(true);
    if (linked.ok) {
      expect(linked.hashes.get(4)).toBe(hashes[4]);
      expect(linked.hashes.get(9)).toBe(hashes[9]);
      expect(linked.hashes.get(3)).toBeUndefined();
    }
    expect(linkedHashes(chainLinksOf(headers), head).ok).toBe(true);
  });

  it('refuses a changed header, a run that stops short, and seq 1 not after genesis', () => {
    const links = chainLinksOf(headers.slice(2));
    const changed = structuredClone(links);
    changed.records[3] = [9999, 'system', 'answer.save', '0'.repeat(64)];
    expect(linkedHashes(changed, head).ok).toBe(false);
    expect(linkedHashes(chainLinksOf(headers.slice(2, 11)), head).ok).toBe(false);
    const fromOne = chainLinksOf(headers);
    expect(linkedHashes({ ...fromOne, prevHash: 'f'.repeat(64) }, head).ok).toBe(false);
    expect(() => chainLinksOf([])).toThrow();
  });
});
