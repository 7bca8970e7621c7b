/** A clock tests move by hand; the server reads it through `components.now`. */
export class TestClock {
  constructor(public current = Date.parse('2026-11-21T09:00:00+08:00')) {}
  readonly now = (): number => this.current;
  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000;
  }
  advanceMs(ms: number): void {
    this.current += ms;
  }
}
