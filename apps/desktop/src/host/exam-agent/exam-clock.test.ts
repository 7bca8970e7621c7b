import { describe, expect, it } from 'vitest';
import { CLOCK_SAMPLE_WINDOW, ExamClock } from './exam-clock';

describe('ExamClock', () => {
  it('estimates the offset from the fastest round trip', () => {
    let local = 10_000;
    const clock = new ExamClock(() => local);
    // Server is 5 s ahead. Slow sample: 400 ms round trip, asymmetric (reply slow).
    clock.addSample({ sentAt: 1_000, receivedAt: 1_400, serverTime: 6_050 });
    expect(clock.offset()).toBe(6_050 - 1_200); // 4,850: off by the asymmetry
    // Fast sample: 20 ms round trip → much closer to the true 5,000.
    clock.addSample({ sentAt: 2_000, receivedAt: 2_020, serverTime: 7_010 });
    expect(clock.offset()).toBe(5_000);
    // A later slower sample does not replace it.
    clock.addSample({ sentAt: 3_000, receivedAt: 3_300, serverTime: 8_300 });
    expect(clock.offset()).toBe(5_000);
    expect(clock.serverNow()).toBe(15_000);
    local = 11_000;
    expect(clock.serverNow()).toBe(16_000);
  });

  it('a pushed server time (round trip unknown) never displaces a timed sample', () => {
    let local = 10_000;
    const clock = new ExamClock(() => local);
    // Before any ping: the push is the best there is.
    clock.addUntimedSample(14_000);
    expect(clock.offset()).toBe(4_000);
    // A timed sample replaces it: the server is 5 s ahead.
    clock.addSample({ sentAt: 10_000, receivedAt: 10_020, serverTime: 15_010 });
    expect(clock.offset()).toBe(5_000);
    // A push delivered 3 s late (a loaded room) must not make the exam look 3 s longer.
    local = 20_000;
    clock.addUntimedSample(22_000);
    expect(clock.offset()).toBe(5_000);
    clock.setDeadline(60 * 60_000);
    expect(clock.remainingMs()).toBe(60 * 60_000 - 25_000);
  });

  it('counts down offline from the server deadline and freezes while paused', () => {
    let local = 0;
    const clock = new ExamClock(() => local);
    expect(clock.remainingMs()).toBeUndefined();
    clock.setDeadline(90 * 60_000);
    local = 30 * 60_000;
    expect(clock.remainingMs()).toBe(60 * 60_000);
    clock.setDeadline(90 * 60_000, 31 * 60_000);
    local = 40 * 60_000;
    expect(clock.remainingMs()).toBe(59 * 60_000);
    expect(clock.isPaused()).toBe(true);
    local = 200 * 60_000;
    clock.setDeadline(100 * 60_000);
    expect(clock.remainingMs()).toBe(0);
  });

  it('forgets old samples, so a local clock jump is corrected by newer ones', () => {
    let local = 0;
    const clock = new ExamClock(() => local);
    // In sync, with a perfect (0 ms) sample.
    clock.addSample({ sentAt: 0, receivedAt: 0, serverTime: 0 });
    expect(clock.offset()).toBe(0);
    // The local clock jumps 30 minutes ahead (NTP step, hand-set): slower samples now say -30 min.
    local = 30 * 60_000;
    for (let i = 1; i < CLOCK_SAMPLE_WINDOW; i++) {
      clock.addSample({
        sentAt: local,
        receivedAt: local + 20,
        serverTime: local - 30 * 60_000 + 10,
      });
      expect(clock.offset()).toBe(0); // the perfect sample is still in the window
    }
    clock.addSample({
      sentAt: local,
      receivedAt: local + 20,
      serverTime: local - 30 * 60_000 + 10,
    });
    expect(clock.offset()).toBe(-30 * 60_000);
    expect(clock.serverNow()).toBe(0);
  });

  it('ignores impossible samples', () => {
    const clock = new ExamClock(() => 0);
    clock.addSample({ sentAt: 10, receivedAt: 5, serverTime: 99_999 });
    expect(clock.offset()).toBe(0);
  });
});
