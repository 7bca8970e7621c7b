import { describe, expect, it } from 'vitest';
import { CandidateSchema } from './candidate';

const candidate = {
  admissionTicketNumber: '2025063101001',
  name: '张三',
  idNumber: '11010519491231002x',
  roomId: 'room-01',
  seat: 12,
};

describe('CandidateSchema', () => {
  it('parses a roster row and stores the ID number upper-case', () => {
    expect(CandidateSchema.parse(candidate).idNumber).toBe('11010519491231002X');
  });

  it('rejects an ID number with a bad check character', () => {
    const result = CandidateSchema.safeParse({ ...candidate, idNumber: '110105194912310021' });
    expect(result.error?.issues[0]?.path).toEqual(['idNumber']);
    expect(result.error?.issues[0]?.message).toContain('身份证号');
  });

  it('checks the admission ticket number, photo hash and seat', () => {
    expect(
      CandidateSchema.safeParse({ ...candidate, admissionTicketNumber: '准考证' }).success,
    ).toBe(false);
    expect(CandidateSchema.safeParse({ ...candidate, photoAssetHash: 'abc' }).success).toBe(false);
    expect(
      CandidateSchema.safeParse({ ...candidate, photoAssetHash: 'd'.repeat(64) }).success,
    ).toBe(true);
    expect(CandidateSchema.safeParse({ ...candidate, seat: 0 }).success).toBe(false);
  });
});
