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
    const untimed = this.samples.findIndex((kept) => !Number.isFinite(kept.roundTrip));
    if (untimed >= 0) this.samples.splice(untimed, 1);
    this.samples.push({ roundTrip, offset: sample.serverTime - (sample.sentAt + roundTrip / 2) });
    if (this.samples.length > CLOCK_SAMPLE_WINDOW) this.samples.shift();
    let best = this.samples[0];
    for (const s of this.samples) if (best === undefined || s.roundTrip <= best.roundTrip) best = s;
    this.offsetMs = best?.offset ?? 0;
  }

  /**
   * A server time whose round trip is unknown (a push, a reply whose request time was not kept):
   * used only while no timed sample exists, since its offset is off by the unknown delivery delay
   * (taken as a round trip of 0 it would always win and show that delay as extra exam time).
   */
  addUntimedSample(serverTime: number): void {
    if (this.samples.some((sample) => Number.isFinite(sample.roundTrip))) return;
    this.samples.length = 0;
    this.samples.push({ roundTrip: Number.POSITIVE_INFINITY, offset: serverTime - this.now() });
    this.offsetMs = serverTime - this.now();
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
