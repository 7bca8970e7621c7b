import { describe, expect, it } from 'vitest';
import {
  admitAnswer,
  isPermanentSaveError,
  PAUSED_MESSAGE,
  type AnswerWindow,
} from './answer-admission';

const running: AnswerWindow = {
  status: 'in_progress',
  sessionStartedAt: 1_000,
  durationMs: 60_000,
  extensionMs: 0,
  pausedTotalMs: 0,
  pausedAt: undefined,
};

describe('admitAnswer', () => {
  it('takes answers while in progress, up to the deadline plus the grace', () => {
    expect(admitAnswer(running, 61_000 + 2_000, 2_000)).toEqual({ accepted: true });
    expect(admitAnswer(running, 61_000 + 2_001, 2_000)).toMatchObject({
      accepted: false,
      code: 'CONFLICT',
      permanent: true,
    });
  });

  it('refuses with PAUSED while paused, however long ago the original deadline passed', () => {
    const paused = { ...running, status: 'paused' as const, pausedAt: 30_000 };
    for (const now of [30_000, 61_000, 500_000]) {
      expect(admitAnswer(paused, now, 2_000)).toEqual({
        accepted: false,
        code: 'PAUSED',
        message: PAUSED_MESSAGE,
        permanent: false,
      });
    }
  });

  it('counts the grace from the deadline moved by finished pauses', () => {
    const resumed = { ...running, pausedTotalMs: 100_000 };
    expect(admitAnswer(resumed, 161_000 + 2_000, 2_000)).toEqual({ accepted: true });
    expect(admitAnswer(resumed, 161_000 + 2_001, 2_000)).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses every state that is not in progress or paused for good', () => {
    for (const status of [
      'logged_in',
      'admitted',
      'submitted',
      'force_submitted',
      'voided',
    ] as const)
      expect(admitAnswer({ ...running, status }, 2_000, 2_000)).toMatchObject({
        accepted: false,
        code: 'CONFLICT',
        permanent: true,
      });
  });
});

describe('isPermanentSaveError', () => {
  it('treats a pause and server trouble as temporary, everything else as final', () => {
    for (const code of ['PAUSED', 'UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL'] as const)
      expect(isPermanentSaveError(code)).toBe(false);
    for (const code of ['BAD_REQUEST', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT'] as const)
      expect(isPermanentSaveError(code)).toBe(true);
  });
});
