import { AttemptStatusSchema } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { resultStatusOf } from '@skillexam/item-bank/results-package';
import { countedTotal, passLabel } from './candidate-result';

describe('candidate result helpers', () => {
  it('maps every attempt status to 正常 / 缺考 / 作废', () => {
    const mapped = Object.fromEntries(
      AttemptStatusSchema.options.map((s) => [s, resultStatusOf(s)]),
    );
    expect(mapped).toEqual({
      registered: 'absent',
      logged_in: 'absent',
      admitted: 'normal',
      in_progress: 'normal',
      paused: 'normal',
      submitted: 'normal',
      force_submitted: 'normal',
      absent: 'absent',
      voided: 'voided',
    });
  });

  it('shows no pass label or total for absent and voided candidates', () => {
    const base = {
      admissionTicketNumber: 'T001',
      name: '张三',
      idNumber: '110101199003071234',
      roomName: '1',
      seat: 1,
    };
    const score = {
      paperId: 'p',
      total: 70,
      maxTotal: 100,
      passMark: 60,
      result: 'pass' as const,
      needsMarking: 0,
      sections: [],
      items: [],
      ignoredAnswers: [],
    };
    expect(passLabel({ ...base, status: 'normal', score })).toBe('合格');
    expect(countedTotal({ ...base, status: 'normal', score })).toBe(70);
    expect(passLabel({ ...base, status: 'voided', score })).toBe('—');
    expect(countedTotal({ ...base, status: 'voided', score })).toBeUndefined();
    expect(passLabel({ ...base, status: 'absent' })).toBe('—');
    expect(passLabel({ ...base, status: 'normal', score: { ...score, result: 'pending' } })).toBe(
      '待评',
    );
  });
});
