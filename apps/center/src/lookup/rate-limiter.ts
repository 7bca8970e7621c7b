/*
 * Per-address token bucket for the public lookup: `capacity` requests at once, then one more
 * every `refillSeconds`. A refusal says how many whole seconds to wait (Retry-After). Memory is
 * bounded: past `maxAddresses`, the least recently seen address is forgotten. Pure apart from
 * the clock passed in.
 */

export interface RateLimitOptions {
  readonly capacity: number;
  readonly refillSeconds: number;
  readonly maxAddresses?: number;
}

export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  take(address: string): RateDecision {
    const now = this.clock();
    const { capacity, refillSeconds } = this.options;
    const previous = this.buckets.get(address);
    const refilled =
      previous === undefined
        ? capacity
        : Math.min(capacity, previous.tokens + (now - previous.at) / (refillSeconds * 1000));
    this.buckets.delete(address);
    if (refilled < 1) {
      this.buckets.set(address, { tokens: refilled, at: now });
      return { allowed: false, retryAfterSeconds: Math.ceil((1 - refilled) * refillSeconds) };
    }
    this.buckets.set(address, { tokens: refilled - 1, at: now });
    this.forgetOldest();
    return { allowed: true };
  }

  private forgetOldest(): void {
    const max = this.options.maxAddresses ?? 100_000;
    while (this.buckets.size > max) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}

/** The public lookup's default: 10 at once, then one every 6 s (10 a minute) per address. */
export const LOOKUP_RATE_LIMIT: RateLimitOptions = { capacity: 10, refillSeconds: 6 };
