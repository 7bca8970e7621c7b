import { DEFAULT_SESSION_RULES } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { createRequest, defaultValues, toLocalInput, updateRequest } from './session-form-values';

describe('session form values', () => {
  it('offers the server defaults and tomorrow 09:00', () => {
    const now = new Date(2026, 11, 1, 15, 30).getTime();
    const v = defaultValues(now, '第1考场');
    expect(v.start).toBe('2026-12-02T09:00');
    expect(v.lateEntryCutoffMinutes).toBe(DEFAULT_SESSION_RULES.lateEntryCutoffMinutes);
    expect(v.extensionCapMinutes).toBe(DEFAULT_SESSION_RULES.extensionCapMinutes);
    expect(v.durationMinutes).toBe(90);
  });

  it('sends automatic check-in at start minus the check-in window, manual without a time', () => {
    const v = {
      ...defaultValues(0, 'Room 1'),
      id: 's1',
      examId: 'e1',
      name: '电工',
      start: '2026-12-02T09:00',
    };
    const start = new Date(2026, 11, 2, 9, 0).getTime();
    expect(createRequest(v)).toMatchObject({ id: 's1', examId: 'e1', scheduledStart: start });
    expect(createRequest(v)).not.toHaveProperty('checkInAt');
    expect(createRequest(v)).not.toHaveProperty('proctors');
    const auto = updateRequest({ ...v, checkInMode: 'auto', checkInOpensMinutesBefore: 20 });
    expect(auto).toMatchObject({ id: 's1', checkInAt: start - 20 * 60_000 });
    expect(auto).not.toHaveProperty('rooms');
    expect(toLocalInput(start)).toBe('2026-12-02T09:00');
  });
});
