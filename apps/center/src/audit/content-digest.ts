import { createHash } from 'node:crypto';

/*
 * Digests of what audited rows say (docs/decisions/1067-center-audit-covers-content.md): a
 * row's digest is sha256 over the JSON array of its fields in a fixed order; a list digest is
 * sha256 over the rows' digests, one per line, in a fixed order, built incrementally so a
 * verifier can stream the rows in pages. Pure: no IO.
 */

export type DigestField = string | number | null;

export function rowDigest(fields: readonly DigestField[]): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export class ListDigest {
  private readonly hash = createHash('sha256');
  private items = 0;

  add(digest: string): void {
    this.hash.update(`${digest}\n`);
    this.items += 1;
  }

  get count(): number {
    return this.items;
  }

  /** The digest of everything added; the list cannot grow afterwards. */
  finish(): string {
    return this.hash.digest('hex');
  }
}
