/**
 * The kiosk's view of server time (docs/architecture.md#the-answer-path, step 5). The server
 * decides the deadline; the kiosk estimates its clock offset from ping round trips (keeping the
 * sample with the shortest round trip among the recent ones, as NTP does) and keeps counting down
 * offline from the last deadline. Old samples age out, so a local clock that jumped (an NTP step
 * after a long outage, a hand-set clock) is corrected within a few heartbeats.
 */

/** How many recent samples the offset is chosen from. */
export const CLOCK_SAMPLE_WINDOW = 8;

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
  private readonly samples: { roundTrip: number; offset: number }[] = [];
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
    this.samples.push({ roundTrip, offset: sample.serverTime - (sample.sentAt + roundTrip / 2) });
    if (this.samples.length > CLOCK_SAMPLE_WINDOW) this.samples.shift();
    let best = this.samples[0];
    for (const s of this.samples) if (best === undefined || s.roundTrip <= best.roundTrip) best = s;
    this.offsetMs = best?.offset ?? 0;
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
