/**
 * The kiosk's view of server time (DESIGN.md §6 step 5). The server decides the deadline;
 * the kiosk estimates its clock offset from ping round trips (keeping the sample with the
 * shortest round trip, as NTP does) and keeps counting down offline from the last deadline.
 */
export interface ClockSample {
  /** Local clock when the ping was sent, ms. */
  readonly sentAt: number;
  /** Local clock when the reply arrived, ms. */
  readonly receivedAt: number;
  /** Server clock in the reply, ms. */
  readonly serverTime: number;
}

export class ExamClock {
  private offsetMs = 0;
  private bestRoundTripMs = Number.POSITIVE_INFINITY;
  private deadlineAt: number | undefined;
  private pausedAt: number | undefined;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  /** Adds a ping sample; a sample with a shorter round trip replaces the offset estimate. */
  addSample(sample: ClockSample): void {
    const roundTrip = sample.receivedAt - sample.sentAt;
    if (roundTrip < 0) return;
    if (roundTrip <= this.bestRoundTripMs) {
      this.bestRoundTripMs = roundTrip;
      this.offsetMs = sample.serverTime - (sample.sentAt + roundTrip / 2);
    }
  }

  /** Local clock corrected to the server's, ms. */
  serverNow(): number {
    return this.now() + this.offsetMs;
  }

  offset(): number {
    return this.offsetMs;
  }

  /** The server's word on the deadline and pause state (from login, heartbeat or a push). */
  setDeadline(deadlineAt: number | undefined, pausedAt?: number): void {
    this.deadlineAt = deadlineAt;
    this.pausedAt = pausedAt;
  }

  /** Milliseconds left; frozen while paused; never negative; undefined before the start. */
  remainingMs(): number | undefined {
    if (this.deadlineAt === undefined) return undefined;
    const at = this.pausedAt ?? this.serverNow();
    return Math.max(0, this.deadlineAt - at);
  }

  isPaused(): boolean {
    return this.pausedAt !== undefined;
  }
}
