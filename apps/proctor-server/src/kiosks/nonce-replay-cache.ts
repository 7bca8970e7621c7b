/*
 * The nonces of accepted kiosk proofs (docs/decisions/0216): a proof is accepted once. A proof
 * is only valid within ± the skew window of its timestamp, so a nonce has to be remembered only
 * until then; entries are kept in arrival order and dropped from the front once older than
 * twice the window. Each kiosk may hold at most `perKioskLimit` nonces at a time, so even an
 * enrolled PC that signs in a loop cannot grow the cache without bound.
 */

export type NonceVerdict = 'fresh' | 'replayed' | 'too-many';

export class NonceReplayCache {
  /** `${kioskId}\n${nonce}` → arrival time, oldest first (Map keeps insertion order). */
  private readonly seen = new Map<string, number>();
  private readonly perKiosk = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly perKioskLimit: number,
  ) {}

  /** Records the nonce if it is new and the kiosk is under its limit. */
  accept(kioskId: string, nonce: string, now: number): NonceVerdict {
    this.forgetOld(now);
    const key = `${kioskId}\n${nonce}`;
    if (this.seen.has(key)) return 'replayed';
    const count = this.perKiosk.get(kioskId) ?? 0;
    if (count >= this.perKioskLimit) return 'too-many';
    this.seen.set(key, now);
    this.perKiosk.set(kioskId, count + 1);
    return 'fresh';
  }

  get size(): number {
    return this.seen.size;
  }

  private forgetOld(now: number): void {
    for (const [key, at] of this.seen) {
      if (now - at <= 2 * this.windowMs) return;
      this.seen.delete(key);
      const kioskId = key.slice(0, key.indexOf('\n'));
      const left = (this.perKiosk.get(kioskId) ?? 1) - 1;
      if (left <= 0) this.perKiosk.delete(kioskId);
      else this.perKiosk.set(kioskId, left);
    }
  }
}
