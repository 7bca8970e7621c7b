import { CodedError } from '@skillexam/shared';

/*
 * The site push route is public (the package's signature is the credential, decision 1013), so
 * the work an anonymous caller can cause is capped: at most `perWindow` pushes per address per
 * window and `concurrent` pushes verifying at once; beyond that RATE_LIMITED, nothing read.
 */

export class PushLimiter {
  private readonly counts = new Map<string, { windowStart: number; count: number }>();
  private inFlight = 0;

  constructor(
    private readonly perWindow = 30,
    private readonly windowMs = 60_000,
    private readonly concurrent = 2,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Runs `work` if the address is within its budget; else throws RATE_LIMITED. */
  async run<T>(address: string, work: () => Promise<T>): Promise<T> {
    const now = this.clock();
    const entry = this.counts.get(address);
    if (entry === undefined || now - entry.windowStart >= this.windowMs) {
      if (this.counts.size > 10_000) this.counts.clear();
      this.counts.set(address, { windowStart: now, count: 1 });
    } else {
      entry.count += 1;
      if (entry.count > this.perWindow)
        throw new CodedError(
          'RATE_LIMITED',
          '上报过于频繁，请稍后再试 (too many pushes from this address; try again later)',
        );
    }
    if (this.inFlight >= this.concurrent)
      throw new CodedError('RATE_LIMITED', '中心正忙，请稍后再试 (centre busy; try again shortly)');
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.inFlight -= 1;
    }
  }
}
